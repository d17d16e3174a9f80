#!/usr/bin/env python3
"""End-to-end tests of near-duplicate linking: ten copies of one report count once,
distinct reports on the same events stay apart, and the seeds and examples are not linked.

Run by ctest as: dedup_e2e.py --letapis PATH --source SOURCE_DIR
Needs ../shared beside the source tree (the seeds). Every text here is fictional.
"""
import functools
import json
import os
import unittest

import e2e_util

ARGS = None
PASSPHRASE = "dedup e2e passphrase"

# One fictional agency report; the copies below republish it.
HEADLINE = "Minsk court jails volunteer Raman Lahvinovich for four years"
BODY = [
    "MINSK - The Maskouski District Court of Minsk on 3 November sentenced the volunteer Raman "
    "Lahvinovich to four years in a penal colony under Article 342 of the Criminal Code.",
    "Lahvinovich, 29, who collected parcels for the families of prisoners, was detained on "
    "12 May 2025 after officers searched the warehouse of the charity where he worked and "
    "seized its records.",
    "Judge Aksana Drozd read out the verdict in a closed hearing. The prosecutor had asked "
    "for five years. The defence said that Lahvinovich had only carried food and warm "
    "clothes and intends to appeal to the Minsk City Court.",
    "His sister, who was not allowed into the courtroom, said that he had been kept in the "
    "pre-trial detention centre on Valadarskaha Street for almost six months and that his "
    "letters arrived with long delays.",
    "According to the Spring Centre, 1,149 people were political prisoners in Belarus as of "
    "1 November 2025.",
]

# Ten outlets: (file name, publisher, published, headline, extra header, extra footer).
OUTLETS = [
    ("wire.txt", "Chronicle Wire", "2025-11-03", HEADLINE, "", ""),
    ("niemen.html", "Niemen Today", "2025-11-04", "Volunteer jailed for four years in Minsk",
     "By Niemen Today staff", "This story was first published by Chronicle Wire."),
    ("naroch.html", "Free Naroch", "2025-11-04", HEADLINE, "", "Read more news on our channel."),
    ("palessie.html", "Palessie Voice", "2025-11-05", "Four years for a charity volunteer",
     "Palessie Voice, news desk", "Photo: the court building."),
    ("vitsebsk.html", "Vitsebsk Courier", "2025-11-05", HEADLINE,
     "", "If you know more, write to our editors."),
    ("brest.txt", "Brest Evening", "2025-11-06", "Court in Minsk jails Raman Lahvinovich",
     "", "Brest Evening - independent news since 2009."),
    ("mahiliou.txt", "Mahiliou Post", "2025-11-06", HEADLINE, "Reprinted from Chronicle Wire.",
     ""),
    ("feed.jsonl#1", "Homiel Today", "2025-11-07", HEADLINE, "", ""),
    ("feed.jsonl#2", "Hrodna Morning", "2025-11-07", "Volunteer who carried parcels gets four years",
     "", "Subscribe to our morning newsletter."),
    ("feed.jsonl#3", "Lida Weekly", "2025-11-08", HEADLINE, "", "Lida Weekly, 8 November."),
]


run = functools.partial(e2e_util.run_letapis, passphrase=PASSPHRASE)


def body(index):
    """The report as outlet `index` printed it: every third one lightly edited."""
    paragraphs = list(BODY)
    if index % 3 == 1:
        paragraphs[1] = paragraphs[1].replace("collected parcels", "gathered parcels")
        paragraphs[3] = paragraphs[3].replace("with long delays", "late")
    if index % 3 == 2:
        paragraphs[2] = paragraphs[2].replace("read out the verdict", "announced the verdict")
    return paragraphs


def html_page(publisher, published, headline, header, footer, paragraphs):
    text = "".join("<p>%s</p>\n" % p for p in ([header] if header else []) + paragraphs
                   + ([footer] if footer else []))
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s | %s</title>\n"
            "<meta property=\"og:site_name\" content=\"%s\">\n"
            "<meta property=\"article:published_time\" content=\"%sT09:00:00+03:00\">\n"
            "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n"
            "<div class=\"share\">Share on Telegram</div>\n<article><h1>%s</h1>\n%s</article>\n"
            "<footer>&copy; %s</footer></body></html>\n"
            % (headline, publisher, publisher, published, headline, text, publisher))


class NearDuplicateTest(unittest.TestCase):
    def setUp(self):
        self.dir, self.db = e2e_util.temp_store(run, "letapis-dedup-")

    def tearDown(self):
        e2e_util.remove_tree(self.dir)

    def write_ten_copies(self):
        folder = os.path.join(self.dir, "copies")
        os.makedirs(folder)
        feed = []
        plain = []
        for i, (name, publisher, published, headline, header, footer) in enumerate(OUTLETS):
            paragraphs = body(i)
            if name.startswith("feed.jsonl"):
                text = "\n\n".join([headline] + ([header] if header else []) + paragraphs
                                   + ([footer] if footer else []))
                feed.append({"text": text, "publisher": publisher, "published": published})
            elif name.endswith(".html"):
                with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                    f.write(html_page(publisher, published, headline, header, footer,
                                      paragraphs))
            else:
                path = os.path.join(self.dir, name)
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n\n".join([headline, published] + ([header] if header else [])
                                        + paragraphs + ([footer] if footer else [])) + "\n")
                plain.append((path, publisher, published))
        with open(os.path.join(folder, "feed.jsonl"), "w", encoding="utf-8") as f:
            for record in feed:
                f.write(json.dumps(record) + "\n")
        return folder, plain

    def test_ten_copies_count_once_with_ten_sources(self):
        folder, plain = self.write_ten_copies()
        # The wire story goes in first and is the original.
        for path, publisher, published in plain:
            run("ingest", path, "--publisher", publisher, "--published", published, db=self.db,
                check=0)
        out = run("ingest", folder, db=self.db, check=0).stdout
        self.assertIn("ingested 7 new report(s)", out)
        self.assertIn("7 of the new are near-duplicate copies", out)

        summary = json.loads(run("summary", "--json", db=self.db, check=0).stdout)
        self.assertEqual(summary["counts"]["reports"], 10)
        self.assertEqual(summary["counts"]["copies"], 9)
        self.assertEqual(len(summary["near_duplicates"]), 1)
        group = summary["near_duplicates"][0]
        self.assertEqual(group["original"], "wire.txt")
        self.assertEqual(sorted(c["doc"] for c in group["copies"]),
                         sorted(o[0] for o in OUTLETS[1:]))
        self.assertTrue(all(c["similarity"] >= 0.5 for c in group["copies"]))
        people = {p["name"]: p["events"] for p in summary["people"]}
        self.assertEqual(people.get("Raman Lahvinovich"), 2, summary["people"])

        points = json.loads(run("stats", "political_prisoners", "--json", db=self.db,
                                check=0).stdout)
        self.assertEqual(len(points), 1, points)
        point = points[0]
        self.assertEqual(point["value"], 1149)
        self.assertEqual(point["reports"], ["wire.txt"])
        self.assertEqual(len(point["copies"]), 9)
        self.assertEqual(sorted(point["publishers"]), sorted(o[1] for o in OUTLETS))
        text = run("stats", "political_prisoners", db=self.db, check=0).stdout
        self.assertIn("also published as 9 near-duplicate copies", text)

        dossier = json.loads(run("person", "Raman Lahvinovich", "--json", db=self.db,
                                 check=0).stdout)
        self.assertEqual(dossier["reports"], ["wire.txt"])
        self.assertEqual(len(dossier["copies"]), 9)
        self.assertEqual(len(dossier["publishers"]), 10)
        steps = [(s["type"], s["date"], s["term_months"]) for s in dossier["timeline"]]
        self.assertEqual(sorted(steps), sorted(set(steps)), steps)
        self.assertIn(("detention", "2025-05-12", None), steps)
        self.assertIn("sentence", [s[0] for s in steps])
        for step in dossier["timeline"]:
            self.assertEqual(step["report"], "wire.txt")
            self.assertEqual(len(step["copies"]), 9, step)

        explained = run("explain", "wire.txt", db=self.db, check=0).stdout
        self.assertIn("also published by: ", explained)
        for _, publisher, *_ in OUTLETS[1:]:
            self.assertIn(publisher, explained)
        copy = run("explain", "niemen.html", db=self.db, check=0).stdout
        self.assertIn("near-duplicate copy of Chronicle Wire (wire.txt)", copy)

        # The eval export stays one record per document.
        export = run("export", "--format", "eval", db=self.db, check=0).stdout.splitlines()
        self.assertEqual(len(export), 10)
        self.assertTrue(all(json.loads(line)["events"] for line in export))
        # The full export names each copy's original.
        full = [json.loads(line)["source"] for line in
                run("export", "--format", "json", db=self.db, check=0).stdout.splitlines()]
        wire = [s for s in full if s["name"] == "wire.txt"][0]
        self.assertIsNone(wire["near_duplicate_of"])
        copies = [s["near_duplicate_of"] for s in full if s["name"] != "wire.txt"]
        self.assertEqual(len(copies), 9)
        self.assertTrue(all(c["sha256"] == wire["sha256"] and c["name"] == "wire.txt"
                            for c in copies), copies)

    def test_distinct_reports_on_the_same_events_stay_apart(self):
        fixtures = os.path.join(ARGS.source, "tests", "data", "near-duplicates")
        run("ingest", fixtures, db=self.db, check=0)
        summary = json.loads(run("summary", "--json", db=self.db, check=0).stdout)
        groups = {g["original"]: sorted(c["doc"] for c in g["copies"])
                  for g in summary["near_duplicates"]}
        self.assertEqual(groups, {
            # Files go in sorted by path: the edited copy comes first and is the original.
            "lida-trial-edited.txt": ["lida-trial-syndicated.html", "lida-trial-wire.txt",
                                      "regional-feed.jsonl#1"],
            "vileika-detentions-repost.html": ["vileika-detentions-statement.txt"],
        })
        dossier = json.loads(run("person", "Maksim Charniak", "--json", db=self.db,
                                 check=0).stdout)
        self.assertIn("lida-trial-analysis.txt", dossier["reports"])
        self.assertIn("weekly-digest-42.txt", dossier["reports"])
        self.assertEqual(len(dossier["copies"]), 3)

    def test_seeds_and_examples_are_not_linked(self):
        run("ingest", e2e_util.shared_path("corpus", "seeds"),
            os.path.join(ARGS.source, "examples"), db=self.db, check=0)
        summary = json.loads(run("summary", "--json", db=self.db, check=0).stdout)
        self.assertEqual(summary["counts"]["copies"], 0, summary["near_duplicates"])
        self.assertEqual(summary["near_duplicates"], [])


def main():
    global ARGS
    ARGS, rest = e2e_util.parse_args()
    e2e_util.main(rest)


if __name__ == "__main__":
    main()
