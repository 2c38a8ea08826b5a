#!/usr/bin/python3
"""check_layers.py [SRC]: every #include "LAYER/..." in src/ follows the data
flow, util -> model -> read -> facts -> evaluate -> report -> cli: a file in
one layer includes only its own layer and those before it (README "How the
code is laid out"; CMakeLists.txt builds each layer against the same order).
Prints each include that reaches forward, or names a folder that is not a
layer, as FILE:LINE: LAYER includes INCLUDED; exit 0 when there is none, 1
otherwise. It reads the same lines as `grep -rn '#include' src`."""
import os
import re
import sys

LAYERS = ["util", "model", "read", "facts", "evaluate", "report", "cli"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "src"
    problems, count = [], 0
    for top, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(top, name)
            rel = os.path.relpath(path, src).split(os.sep)
            if len(rel) < 2 or not name.endswith((".h", ".cc")):
                continue
            layer = rel[0]
            if layer not in LAYERS:
                problems.append(f"{path}: the folder {layer}/ is not a layer ({', '.join(LAYERS)})")
                continue
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    count += 1
                    target = m.group(1).split("/")[0]
                    if target not in LAYERS:
                        problems.append(f"{path}:{number}: {layer} includes \"{m.group(1)}\", outside the layers")
                    elif LAYERS.index(target) > LAYERS.index(layer):
                        problems.append(f"{path}:{number}: {layer} includes \"{m.group(1)}\", of the later layer {target}")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} includes against the data flow ({' -> '.join(LAYERS)})")
        return 1
    print(f"{count} includes in {src}, every one in the order {' -> '.join(LAYERS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
