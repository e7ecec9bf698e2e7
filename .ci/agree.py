#!/usr/bin/env python3
"""Exit 1 unless two score JSON objects (newsgraph eval --json, score.py --json) agree:
the same keys, counts equal, figures within 0.001."""
import json, sys

def walk(a, b, path, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append(f"{path}/{k}: only in {'ours' if k in a else 'score.py'}")
            else:
                walk(a[k], b[k], f"{path}/{k}", out)
    elif isinstance(a, float) or isinstance(b, float):
        if a is None or b is None or abs(float(a) - float(b)) > 0.001:
            out.append(f"{path}: {a} vs {b}")
    elif a != b:
        out.append(f"{path}: {a!r} vs {b!r}")

ours, theirs = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
diffs = []
walk(ours, theirs, "", diffs)
for d in diffs:
    print("   disagree:", d)
print("   agrees with score.py" if not diffs else f"   {len(diffs)} disagreements with score.py")
sys.exit(1 if diffs else 0)
