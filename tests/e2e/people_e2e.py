#!/usr/bin/env python3
"""End-to-end tests of people across reports and lists: resolution at ingest, namesakes,
prisoner-list import (10,000 rows), and reports landing in a listed person's dossier.

Run by ctest as: people_e2e.py --letapis PATH --source SOURCE_DIR
"""
import csv
import functools
import itertools
import json
import os
import sys
import time
import unittest

import e2e_util

ARGS = None
PASSPHRASE = "people e2e passphrase"


run = functools.partial(e2e_util.run_letapis, passphrase=PASSPHRASE, check=0)


def synthetic_rows(count):
    """Fictional people: syllable-built surnames, varied given names, dates and terms."""
    given = ["Anton", "Daria", "Ihar", "Kira", "Lev", "Mila", "Oleg", "Pavel", "Rita", "Yana"]
    syllables = ["ka", "lo", "vi", "ru", "da", "ne", "mi", "to", "ba", "zo", "pe", "gu"]
    endings = ["uk", "ich", "enka", "ski", "ovich", "ets"]
    rows = []
    for n, (a, b, c, end) in enumerate(itertools.product(syllables, syllables, syllables, endings)):
        if n == count:
            break
        name = "%s %s" % (given[n % len(given)], (a + b + c + end).capitalize())
        rows.append([name, "", "in custody", str(1950 + n % 50), "", "%02d.%02d.20%02d" % (
            1 + n % 28, 1 + n % 12, 10 + n % 15), "342", "", "%d 1/2 years" % (1 + n % 9), "",
            "", "Colony %d" % (1 + n % 20), "", ""])
    return rows


HEADER = ["Name", "Other names", "Status", "Birth year", "Gender", "Date of detention",
          "Articles", "Verdict date", "Sentence", "Judge", "Prosecutor", "Prison",
          "Release date", "Died"]

REPORT = """Court in Hrodna sentences blogger Ігар Мацкевіч

HRODNA, 3 March 2026. The Hrodna regional court on Tuesday sentenced the blogger Ігар
Мацкевіч to six years in a penal colony. Мацкевіч was detained on 12 May 2025 after a
search of his flat by officers of the GUBOPiK.
"""


class PeopleTest(unittest.TestCase):
    def setUp(self):
        self.dir, self.db = e2e_util.temp_store(run, "letapis-people-")

    def tearDown(self):
        e2e_util.remove_tree(self.dir)

    def write_list(self, rows, name="list.csv"):
        path = os.path.join(self.dir, name)
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(HEADER)
            writer.writerows(rows)
        return path

    def test_ten_thousand_rows_and_a_report_by_another_spelling(self):
        listed = ["Ihar Matskevich", "Игорь Мацкевич", "in custody", "1979", "m", "12.05.2025",
                  "369", "", "", "Judge Fictional", "", "Penal colony No. 3", "", ""]
        rows = synthetic_rows(9999) + [listed]
        path = self.write_list(rows)
        started = time.monotonic()
        out = run("import-cases", path, db=self.db).stdout
        print("\nimport-cases: 10,000 rows in %.1f s" % (time.monotonic() - started),
              file=sys.stderr)
        self.assertIn("10000 people imported", out)
        again = run("import-cases", path, db=self.db).stdout
        self.assertIn("0 people imported, 10000 already listed", again)
        report = os.path.join(self.dir, "hrodna.txt")
        with open(report, "w", encoding="utf-8") as f:
            f.write(REPORT)
        run("ingest", report, db=self.db)
        dossier = json.loads(run("person", "Ihar Matskevich", "--json", db=self.db).stdout)
        self.assertEqual(dossier["list_source"], "list.csv:10001")
        self.assertEqual(dossier["reports"], ["hrodna.txt"])
        self.assertEqual(dossier["case"]["judge"], "Judge Fictional")
        self.assertEqual(dossier["case"]["articles"], "369")
        self.assertEqual(dossier["case"]["prison"], "Penal colony No. 3")
        self.assertIn(("sentence", 72), {(s["type"], s["term_months"]) for s in dossier["timeline"]})
        self.assertIn("Ігар Мацкевіч", dossier["names"])
        # The same dossier by the Russian spelling in the list.
        by_russian = json.loads(run("person", "Игорь Мацкевич", "--json", db=self.db).stdout)
        self.assertEqual(by_russian["person_id"], dossier["person_id"])
        why = run("explain-merge", "Ihar Matskevich", "Ігар Мацкевіч", db=self.db).stdout
        self.assertIn("one person", why)
        self.assertIn("fits #%d" % dossier["person_id"], why)

    def test_bad_rows_are_named_and_the_rest_imported(self):
        path = self.write_list([["Ok Person"] + [""] * 13, ["Short", "row"],
                                ["Dated Person", "", "", "", "", "someday"] + [""] * 8])
        proc = run("import-cases", path, db=self.db, check=3)
        self.assertIn("2 people imported", proc.stdout)
        self.assertIn("list.csv:3: 2 field(s) where the header has 14", proc.stderr)
        self.assertIn("list.csv:4: detained \"someday\" is not a date", proc.stderr)
        nameless = os.path.join(self.dir, "nameless.csv")
        with open(nameless, "w") as f:
            f.write("Town,Year\nMinsk,2020\n")
        proc = run("import-cases", nameless, path, db=self.db, check=3)
        self.assertIn("no name column", proc.stderr)
        self.assertIn("already listed", proc.stdout)

    def test_namesakes_are_told_apart_by_context_and_ambiguity_is_shown(self):
        reports = {
            "son.txt": "Opposition politician Vladimir Vladimirovich Kara-Murza, who worked "
                       "with Memorial, was detained in Moscow on 11 April 2022.\n",
            "father.txt": "The journalist Vladimir Alekseevich Kara-Murza of Novaya Gazeta "
                          "spoke at the festival on 2 June 2001.\n",
            "later.txt": "Vladimir Kara-Murza, who worked with Memorial, was sentenced to 25 "
                         "years on 17 April 2023.\n",
            "bare.txt": "Vladimir Kara-Murza was mentioned in a speech on 1 May 2024.\n",
        }
        for name, text in reports.items():
            with open(os.path.join(self.dir, name), "w") as f:
                f.write(text)
        for name in ["son.txt", "father.txt", "later.txt", "bare.txt"]:
            run("ingest", os.path.join(self.dir, name), db=self.db)
        son = json.loads(run("person", "Vladimir Vladimirovich Kara-Murza", "--json",
                             db=self.db).stdout)
        self.assertEqual(sorted(son["reports"]), ["later.txt", "son.txt"])
        father = json.loads(run("person", "Vladimir Alekseevich Kara-Murza", "--json",
                                db=self.db).stdout)
        self.assertEqual(father["reports"], ["father.txt"])
        self.assertNotEqual(son["person_id"], father["person_id"])
        # Nothing tells who the bare mention is: it stays with nobody, and says why.
        why = run("explain-merge", "Vladimir Kara-Murza", "Vladimir Alekseevich Kara-Murza",
                  db=self.db).stdout
        self.assertIn("is ambiguous", why)
        ambiguous = run("person", "Владимир Кара-Мурза", db=self.db, check=1)
        self.assertIn("may be 2 different people", ambiguous.stderr)
        self.assertIn("--id %d" % son["person_id"], ambiguous.stderr)


if __name__ == "__main__":
    ARGS, rest = e2e_util.parse_args()
    e2e_util.main(rest)
