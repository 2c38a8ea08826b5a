#!/usr/bin/env python3
"""Validate dossiers against the JSON Schema of the dossier format.

    python3 tests/tools/check_schema.py [--schema SCHEMA.json] DOSSIER.yaml...

Each dossier is read with PyYAML, resolving plain scalars the way ipzone's
loader (and YAML 1.2's core schema) reads them: dates such as 2024-03-31 stay
strings (the schema checks their form), only true/false are booleans, only
digits are integers (no octal, no 1_000), and yes/no/on/off are words. The
result is validated against format/dossier-v1.schema.json (draft 2020-12,
with format checking, so 2024-02-30 is rejected).

Prints one line per error, `FILE: $.json.path: message` (list indexes count
from 0, as in JSONPath; ipzone's own messages count rows from 1), and exits
  0  every dossier is valid,
  1  at least one is not (or is not readable YAML),
  2  usage error (no file given, schema not found or not a valid schema),
 77  python3-yaml or python3-jsonschema is not installed (CTest: skipped).
"""

import json
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

SKIP = 77

try:
    import yaml
    import jsonschema
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError as e:  # pragma: no cover - depends on the machine
    print(f"check_schema: skipped: {e.name or e} is not installed "
          "(Debian: apt-get install python3-yaml python3-jsonschema)", file=sys.stderr)
    sys.exit(SKIP)

DEFAULT_SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                              "format", "dossier-v1.schema.json")


class DossierLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema resolution of plain scalars, and
    no timestamps: what ipzone reads as a date is a string here. A key given
    twice in one mapping is an error (PyYAML would silently keep the last)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool)):
                continue  # an unhashable key: construct_mapping reports it
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping", node.start_mark,
                    f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


DossierLoader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
]:
    DossierLoader.add_implicit_resolver(_tag, re.compile(_regexp), _first)


def _construct_int(loader, node):
    return int(loader.construct_scalar(node), 10)  # 010 is ten, as in ipzone


def _construct_float(loader, node):
    text = loader.construct_scalar(node)
    low = text.lower()
    if low.endswith(".inf"):
        return float("-inf") if low.startswith("-") else float("inf")
    if low == ".nan":
        return float("nan")
    return float(text)


DossierLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
DossierLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def json_path(path):
    out = "$"
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(part)):
            out += f".{part}"
        else:
            out += "[" + json.dumps(str(part), ensure_ascii=False) + "]"
    return out


def describe(error):
    """The error's message; for an anyOf/oneOf, the most telling sub-error too."""
    msg = error.message
    if error.validator in ("anyOf", "oneOf"):  # the message would repeat the whole value
        forms = error.validator_value
        if all(set(f) == {"required"} for f in forms):  # e.g. enterprises or enterprises_file
            names = [n for f in forms for n in f["required"]]
            return "needs one of: " + ", ".join(names)
        msg = f"matches none of the {len(forms)} allowed forms"
    if error.context:
        # the branch for the kind of value given ({...} or a scalar) says most
        same_kind = [e for e in error.context if not (e.validator == "type" and not e.relative_path)]
        sub = best_match(same_kind or error.context)
        where = json_path(list(error.absolute_path) + list(sub.relative_path)) + ": " if sub.relative_path else ""
        msg += f" (closest: {where}{sub.message})"
    return msg


def check_file(path, validator):
    """Prints the file's errors; returns how many there are."""
    try:
        with open(path, "rb") as f:
            data = yaml.load(f, Loader=DossierLoader)  # noqa: S506 - a SafeLoader
    except OSError as e:
        print(f"{path}: cannot read: {e.strerror}")
        return 1
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        print(f"{path}{where}: not valid YAML: {problem}")
        return 1
    except RecursionError:
        print(f"{path}: not valid YAML: nested too deeply")
        return 1
    errors = sorted(validator.iter_errors(data),
                    key=lambda e: [(0, p, "") if isinstance(p, int) else (1, 0, str(p))
                                   for p in e.absolute_path])
    for e in errors:
        print(f"{path}: {json_path(e.absolute_path)}: {describe(e)}")
    return len(errors)


def main(argv):
    args = list(argv[1:])
    schema_path = DEFAULT_SCHEMA
    if len(args) >= 2 and args[0] == "--schema":
        schema_path = args[1]
        del args[:2]
    if not args or any(a.startswith("-") for a in args):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        print(f"check_schema: {schema_path}: {e}", file=sys.stderr)
        return 2
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    invalid = 0
    for path in args:
        if check_file(path, validator):
            invalid += 1
    checked = len(args)
    print(f"check_schema: {checked - invalid} of {checked} valid", file=sys.stderr)
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
