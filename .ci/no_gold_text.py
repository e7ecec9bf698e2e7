#!/usr/bin/env python3
"""Fails when a tracked text file shares a run of N words (default 8) with a gold article.

The gold texts are for evaluation only and are never copied into the project, not in code,
comments, fixtures nor examples. Runs that also occur in the unrelated Wikinews benchmark
corpus are ordinary English and are not reported.
Usage: no_gold_text.py SHARED_DIR [N]
"""
import glob
import json
import re
import subprocess
import sys


def words(text):
    return re.findall(r"\w+", text.lower())


def runs(ws, n):
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def main():
    shared = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    gold = set()
    for path in glob.glob(f"{shared}/gold/*.jsonl"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                gold |= runs(words(json.loads(line).get("text", "")), n)
    common = set()
    for path in glob.glob(f"{shared}/corpus/*.csv"):
        with open(path, encoding="utf-8", errors="replace") as f:
            common |= runs(words(f.read()), n)
    gold -= common
    files = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.split()
    found = 0
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
        except (UnicodeDecodeError, OSError):
            continue
        for number, line in enumerate(lines, 1):
            hits = runs(words(line), n) & gold
            if hits:
                found += 1
                print(f"{path}:{number}: shares with a gold text: {' '.join(sorted(hits)[0])!r}")
    if found:
        print(f"{found} line(s) copy gold wording: rewrite them with invented text")
        return 1
    print(f"no {n}-word run of a gold text in {len(files)} tracked files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
