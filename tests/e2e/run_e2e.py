#!/usr/bin/env python3
"""End-to-end tests of the letapis CLI: store, ingest, bad input, export, scoring.

Run by ctest as: run_e2e.py --letapis PATH --source SOURCE_DIR
Needs ../shared beside the source tree (seeds, gold and scorer).
"""
import functools
import json
import os
import subprocess
import sys
import tempfile
import unittest

import e2e_util

ARGS = None
PASSPHRASE = "e2e test passphrase"


run = functools.partial(e2e_util.run_letapis, passphrase=PASSPHRASE)
shared = e2e_util.shared_path


def score(gold, system):
    out = subprocess.run([sys.executable, shared("eval", "score.py"), gold, system],
                         capture_output=True, text=True, check=True).stdout
    return out


def overall(score_output):
    last = score_output.strip().splitlines()[-1]
    assert last.startswith("overall F1"), last
    return float(last.split()[-1])


class StoreTest(unittest.TestCase):
    def setUp(self):
        self.dir, self.db = e2e_util.temp_store(run, "letapis-e2e-")

    def tearDown(self):
        e2e_util.remove_tree(self.dir)

    def test_wrong_passphrase_is_a_clear_error(self):
        proc = run("summary", db=self.db, passphrase="not the passphrase")
        self.assertEqual(proc.returncode, 4, proc.stderr)
        self.assertIn("wrong passphrase", proc.stderr)

    def test_missing_store_is_a_clear_error(self):
        proc = run("summary", db=os.path.join(self.dir, "nothing.db"))
        self.assertEqual(proc.returncode, 5, proc.stderr)
        self.assertIn("letapis init", proc.stderr)

    def test_init_refuses_to_overwrite(self):
        proc = run("init", db=self.db)
        self.assertNotEqual(proc.returncode, 0)
        with open(self.db, "rb") as f:
            self.assertGreater(len(f.read()), 0)

    def test_ingest_is_idempotent(self):
        first = run("ingest", shared("corpus", "seeds"), os.path.join(ARGS.source, "examples"),
                    db=self.db, check=0)
        self.assertIn("ingested", first.stdout)
        counts = json.loads(run("summary", "--json", db=self.db, check=0).stdout)["counts"]
        self.assertGreaterEqual(counts["reports"], 5 + 10)
        again = run("ingest", shared("corpus", "seeds"), os.path.join(ARGS.source, "examples"),
                    db=self.db, check=0)
        self.assertIn("ingested 0 new report(s)", again.stdout)
        counts_again = json.loads(run("summary", "--json", db=self.db, check=0).stdout)["counts"]
        self.assertEqual(counts, counts_again)

    def test_bad_files_are_reported_and_the_rest_stored(self):
        batch = os.path.join(self.dir, "batch")
        os.makedirs(batch)
        with open(os.path.join(batch, "good.txt"), "w") as f:
            f.write("Police detained the journalist Ivan Petrenko in Minsk on 3 March 2024.\n")
        with open(os.path.join(batch, "binary.txt"), "wb") as f:
            f.write(b"\x00\x01\x02\xff\xfe" * 50)
        with open(os.path.join(batch, "empty.txt"), "w") as f:
            pass
        with open(os.path.join(batch, "feed.jsonl"), "w") as f:
            f.write(json.dumps({"text": "The court sentenced Olga Marchenko to five years.",
                                "published": "2025-01-02"}) + "\n")
            f.write("{this is not json\n")
        proc = run("ingest", batch, db=self.db)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn("binary.txt", proc.stderr)
        self.assertIn("empty.txt", proc.stderr)
        self.assertIn("feed.jsonl:2", proc.stderr)
        export = run("export", "--format", "eval", db=self.db, check=0).stdout
        docs = sorted(json.loads(line)["doc"] for line in export.splitlines())
        self.assertEqual(docs, ["feed.jsonl#1", "good.txt"])

    def test_exported_spans_are_the_original_bytes(self):
        seeds = shared("corpus", "seeds")
        run("ingest", seeds, db=self.db, check=0)
        export = run("export", "--format", "json", db=self.db, check=0).stdout
        checked = 0
        for line in export.splitlines():
            record = json.loads(line)
            with open(os.path.join(seeds, record["source"]["name"]), "rb") as f:
                raw = f.read()
            spans = []
            for entity in record["entities"]:
                spans += entity["mentions"]
            for event in record["events"]:
                spans += [event["evidence"], event["trigger"]]
            spans += [c["evidence"] for c in record["claims"]]
            spans += [q["evidence"] for q in record["quotes"]]
            for span in spans:
                self.assertEqual(raw[span["raw_begin"]:span["raw_end"]].decode("utf-8"),
                                 span["text"])
                checked += 1
        self.assertGreater(checked, 100)

    def test_store_export_scores_like_stateless_extract(self):
        seeds = shared("corpus", "seeds")
        gold = shared("eval", "gold-seeds.jsonl")
        stateless = os.path.join(self.dir, "extract.jsonl")
        with open(stateless, "w") as f:
            f.write(run("extract", seeds, "--format", "eval", check=0).stdout)
        run("ingest", seeds, db=self.db, check=0)
        stored = os.path.join(self.dir, "export.jsonl")
        run("export", "--format", "eval", "--out", stored, db=self.db, check=0)
        a, b = score(gold, stateless), score(gold, stored)
        self.assertEqual(a, b)
        self.assertGreaterEqual(overall(a), 0.96, a)

    def test_explain_shows_rules_and_spans(self):
        run("ingest", shared("corpus", "seeds"), db=self.db, check=0)
        out = run("explain", "001_4c737245e6265949.txt", db=self.db, check=0).stdout
        self.assertIn("rule trig.", out)
        self.assertIn("Events", out)
        missing = run("explain", "no-such-report.txt", db=self.db)
        self.assertEqual(missing.returncode, 5)

    def test_stats_line_up_figures_by_date_and_source(self):
        run("ingest", shared("corpus", "seeds"), db=self.db, check=0)
        points = json.loads(run("stats", "political_prisoners", "--json", db=self.db,
                                check=0).stdout)
        self.assertGreaterEqual(len(points), 3)
        self.assertTrue(all(p["category"] == "political_prisoners" for p in points))
        dated = [p["as_of"] for p in points if p["as_of"]]
        self.assertEqual(dated, sorted(dated))
        self.assertGreaterEqual(len({p["source"] for p in points}), 2)
        csv_out = run("stats", "--csv", db=self.db, check=0).stdout.splitlines()
        self.assertTrue(csv_out[0].startswith("as_of,category"))
        bad = run("stats", "not_a_category", db=self.db)
        self.assertEqual(bad.returncode, 2)

    def test_person_dossier_across_scripts_and_spellings(self):
        run("ingest", shared("corpus", "seeds"), db=self.db, check=0)
        cyrillic = json.loads(run("person", "Алесь Бяляцкі", "--json", db=self.db, check=0).stdout)
        latin = json.loads(run("person", "Ales Byalyatski", "--json", db=self.db, check=0).stdout)
        self.assertEqual(cyrillic, latin)
        steps = {(s["type"], s["date"], s["term_months"]) for s in latin["timeline"]}
        self.assertIn(("detention", "2021-07-14", None), steps)
        self.assertIn(("sentence", "2023", 120), steps)
        self.assertTrue(all(s["report"] for s in latin["timeline"]))
        husband = json.loads(run("person", "Siarhei Tsikhanouski", "--json", db=self.db,
                                 check=0).stdout)
        self.assertNotIn("Sviatlana Tsikhanouskaya", husband["names"])
        missing = run("person", "Nobody Nowhere", db=self.db)
        self.assertEqual(missing.returncode, 5)
        self.assertIn("no person matching", missing.stderr)

    def test_judgements_change_the_dossier_and_survive_reingest(self):
        run("ingest", shared("corpus", "seeds"), db=self.db, check=0)
        before = json.loads(run("person", "Valentin Stefanovich", "--json", db=self.db,
                                check=0).stdout)
        run("person", "merge", "Valentin Stefanovich", "Valentsin Stefanovich", "--why",
            "same man", "--by", "editor", db=self.db, check=0)
        merged = json.loads(run("person", "Valentin Stefanovich", "--json", db=self.db,
                                check=0).stdout)
        self.assertIn("Valentsin Stefanovich", merged["names"])
        self.assertGreaterEqual(len(merged["reports"]), len(before["reports"]))
        run("person", "split", "Sergei Matskevich", "Oleg Matskevich", db=self.db, check=0)
        run("ingest", shared("corpus", "seeds"), db=self.db, check=0)
        sergei = json.loads(run("person", "Sergei Matskevich", "--json", db=self.db,
                                check=0).stdout)
        self.assertNotIn("Oleg Matskevich", sergei["names"])
        why = run("explain-merge", "Sergei Matskevich", "Oleg Matskevich", db=self.db,
                  check=0).stdout
        self.assertIn("judged different", why)

    def test_store_file_holds_no_plaintext(self):
        run("ingest", shared("corpus", "seeds"), db=self.db, check=0)
        with open(self.db, "rb") as f:
            data = f.read()
        for needle in [b"Bialiatski", b"political prisoners", b"Viasna"]:
            self.assertNotIn(needle, data)


class ExtractTest(unittest.TestCase):
    def test_examples_score_against_their_gold(self):
        gold = os.path.join(ARGS.source, "tests", "data", "examples-gold.jsonl")
        out = run("extract", os.path.join(ARGS.source, "examples"), "--format", "eval").stdout
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            f.write(out)
        try:
            result = score(gold, f.name)
        finally:
            os.unlink(f.name)
        print(result)
        self.assertGreaterEqual(overall(result), 0.92, result)

    def test_names_match_scores_the_labelled_pairs(self):
        pairs = shared("eval", "name-pairs.tsv")
        out = run("names", "match", "--pairs", pairs, check=0).stdout.splitlines()
        labels = [line.split("\t")[2] for line in open(pairs, encoding="utf-8").read().splitlines()[1:]
                  if line.strip()]
        self.assertEqual(len(out), len(labels))
        tp = sum(1 for o, g in zip(out, labels) if o.split("\t")[3] == "1" and g == "1")
        fp = sum(1 for o, g in zip(out, labels) if o.split("\t")[3] == "1" and g == "0")
        fn = sum(1 for o, g in zip(out, labels) if o.split("\t")[3] == "0" and g == "1")
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        print("names match: precision %.3f recall %.3f" % (precision, recall))
        self.assertGreaterEqual(precision, 0.97)
        self.assertGreaterEqual(recall, 0.90)

    def test_parallel_extract_matches_serial_and_stdin_worker(self):
        seeds = shared("corpus", "seeds")
        serial = run("extract", seeds, "--format", "eval", check=0).stdout
        parallel = run("extract", seeds, "--format", "eval", "--jobs", "2", check=0).stdout
        self.assertEqual(serial, parallel)
        feed = os.path.join(ARGS.source, "examples", "wire-feed.jsonl")
        with open(feed, "rb") as f:
            lines = [l for l in f.read().splitlines() if l.strip()]
        proc = subprocess.run([ARGS.letapis, "extract", "--stdin-jsonl", "--format", "eval"],
                              input=b"\n".join(lines + [b"{broken"]) + b"\n",
                              capture_output=True, timeout=120)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        out = proc.stdout.decode().splitlines()
        self.assertEqual([json.loads(l)["doc"] for l in out], ["stdin#1", "stdin#2"])
        self.assertIn("stdin:3", proc.stderr.decode())

    def test_help_everywhere(self):
        for cmd in ["init", "ingest", "extract", "export", "explain", "summary", "stats",
                    "person", "explain-merge"]:
            proc = run(cmd, "--help", check=0)
            self.assertIn("Usage", proc.stdout)


def main():
    global ARGS
    ARGS, rest = e2e_util.parse_args()
    e2e_util.main(rest)


if __name__ == "__main__":
    main()
