#!/usr/bin/env python3
"""Extraction quality of letapis next to established JavaScript NLP libraries.

Runs ../shared/peers/extract.js (compromise, wink-nlp) and `letapis extract --format
eval` on the same texts, scores all with ../shared/eval/score.py, and prints a table
of F1 per section. The peers are installed with `npm ci` into a work folder (the
shared folder stays untouched).

  bench/peers_quality.py --letapis build/letapis [--shared ../shared] [--work build/peers]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

SECTIONS = ["persons", "organizations", "places", "events", "claims", "quotes"]


def score(scorer, gold, system):
    out = subprocess.run([sys.executable, scorer, "--json", gold, system], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def txt_subset(gold, folder, work):
    """The .txt documents of `folder` and their gold lines (peers read only .txt)."""
    texts = os.path.join(work, "texts-" + os.path.basename(os.path.normpath(folder)))
    shutil.rmtree(texts, ignore_errors=True)
    os.makedirs(texts)
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
    for n in names:
        shutil.copy(os.path.join(folder, n), texts)
    subset = os.path.join(work, os.path.basename(texts) + "-gold.jsonl")
    with open(gold) as src, open(subset, "w") as dst:
        for line in src:
            if line.strip() and json.loads(line)["doc"] in names:
                dst.write(line)
    return texts, subset


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letapis", default=os.path.join(root, "build", "letapis"))
    parser.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    parser.add_argument("--work", default=os.path.join(root, "build", "peers"))
    args = parser.parse_args()

    peers = os.path.join(args.work, "peers")
    if not os.path.exists(os.path.join(peers, "node_modules")):
        shutil.rmtree(peers, ignore_errors=True)
        shutil.copytree(os.path.join(args.shared, "peers"), peers)
        for dirpath, _, files in os.walk(peers):
            for f in files:
                os.chmod(os.path.join(dirpath, f), 0o644)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=peers, check=True,
                       stdout=subprocess.DEVNULL)
    scorer = os.path.join(args.shared, "eval", "score.py")
    corpora = [
        ("seeds", os.path.join(args.shared, "corpus", "seeds"),
         os.path.join(args.shared, "eval", "gold-seeds.jsonl")),
        ("examples (.txt)", os.path.join(root, "examples"),
         os.path.join(root, "tests", "data", "examples-gold.jsonl")),
    ]
    rows = []
    for label, folder, gold in corpora:
        texts, subset = txt_subset(gold, folder, args.work)
        systems = {}
        for lib in ["compromise", "wink"]:
            out = os.path.join(args.work, "%s-%s.jsonl" % (lib, os.path.basename(texts)))
            subprocess.run(["node", os.path.join(peers, "extract.js"), "--lib", lib, texts, out],
                           check=True, capture_output=True)
            systems[lib] = out
        out = os.path.join(args.work, "letapis-%s.jsonl" % os.path.basename(texts))
        with open(out, "w") as f:
            subprocess.run([args.letapis, "extract", texts, "--format", "eval"], check=True, stdout=f)
        systems["letapis"] = out
        for name, path in systems.items():
            result = score(scorer, subset, path)
            f1 = [result["sections"][s]["f1"] for s in SECTIONS]
            rows.append((label, name, f1, result["overall_f1"]))
    print("| texts | system | " + " | ".join(SECTIONS) + " | overall |")
    print("|---|---|" + "---|" * (len(SECTIONS) + 1))
    for label, name, f1, overall in rows:
        print("| %s | %s | %s | %.3f |" % (label, name, " | ".join("%.3f" % v for v in f1), overall))


if __name__ == "__main__":
    main()
