# SPDX-License-Identifier: ISC
"""Validate Popolo JSON against the Popolo JSON Schemas (draft-03), offline.

usage: popolo_validate.py SCHEMAS CLASS FILE       one object of CLASS
       popolo_validate.py SCHEMAS --export FILE    giji's object of arrays
       popolo_validate.py SCHEMAS --refs FILE      ids referenced exist too

The schemas refer to each other as http://www.popoloproject.com/schemas/
NAME.json#; every such URL is served from the SCHEMAS folder, so nothing
is fetched. Debian's python3-jsonschema checks no date-time format, so
this script does, after RFC 3339 (section 5.6). Exit 0 when no error.
"""
import datetime, json, os, re, sys, warnings

import jsonschema

BASE = "http://www.popoloproject.com/schemas/"
ARRAYS = {"persons": "person", "organizations": "organization",
          "memberships": "membership", "motions": "motion",
          "vote_events": "vote_event", "events": "event"}
RFC3339 = re.compile(r"^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)"
                     r"(\.\d+)?([Zz]|[+-](\d\d):(\d\d))$")


def date_time(s):
    m = RFC3339.match(s) if isinstance(s, str) else None
    if m is None:
        return not isinstance(s, str)
    y, mo, d, h, mi, sec = (int(m.group(i)) for i in range(1, 7))
    if m.group(9) is not None and (int(m.group(9)) > 23 or int(m.group(10)) > 59):
        return False
    try:  # a leap second (60) is allowed by RFC 3339
        datetime.datetime(y, mo, d, h, mi, min(sec, 59))
    except ValueError:
        return False
    return sec <= 60


def validators(folder):
    store = {}
    for name in os.listdir(folder):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                store[BASE + name] = json.load(f)
    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date-time")(date_time)
    try:  # jsonschema >= 4.18 (pyenv): the referencing library
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT3
        reg = Registry().with_resources(
            (u, Resource.from_contents(s, default_specification=DRAFT3))
            for u, s in store.items())
        make = lambda s: jsonschema.Draft3Validator(
            s, registry=reg, format_checker=checker)
    except ImportError:  # Debian's 4.10: RefResolver with a local store
        make = lambda s: jsonschema.Draft3Validator(
            s, resolver=jsonschema.RefResolver(BASE, s, store=store),
            format_checker=checker)
    return {u[len(BASE):-5]: make(s) for u, s in store.items()}


def references(doc):
    """Every *_id (and a vote's ids) must name an object of the export."""
    ids = {o.get("id") for a in ARRAYS for o in doc.get(a, [])}
    errs = []
    def walk(o, where):
        if isinstance(o, dict):
            for k, v in o.items():
                if k.endswith("_id") and v is not None and v not in ids:
                    errs.append("%s.%s: no object has id %r" % (where, k, v))
                walk(v, where + "." + k)
        elif isinstance(o, list):
            for i, v in enumerate(o):
                walk(v, "%s[%d]" % (where, i))
    walk(doc, "$")
    return errs


def main(argv):
    warnings.simplefilter("ignore", DeprecationWarning)
    if len(argv) != 4:
        sys.exit(__doc__)
    v = validators(argv[1])
    with open(argv[3], encoding="utf-8") as f:
        doc = json.load(f)
    if argv[2] in ("--export", "--refs"):
        pairs = [(c, o) for k, c in ARRAYS.items() for o in doc.get(k, [])]
        # Keys starting with '+' are extensions (Popolo's advice): giji's
        # +anchor holds the chain's head hash and event count.
        errs = ["unknown array %r" % k for k in doc
                if k not in ARRAYS and not k.startswith("+")]
    else:
        pairs, errs = [(argv[2], doc)], []
    for cls, obj in pairs:
        errs += ["%s %s: %s at %s" % (cls, obj.get("id"), e.message,
                                      "/".join(map(str, e.absolute_path)))
                 for e in v[cls].iter_errors(obj)]
    if argv[2] == "--refs":
        errs += references(doc)
    for e in errs:
        print("%s: %s" % (argv[3], e))
    print("%s: %d object(s), %d error(s)" % (argv[3], len(pairs), len(errs)))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
