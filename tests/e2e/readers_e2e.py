#!/usr/bin/env python3
"""End-to-end tests of the web page and PDF readers through the letapis CLI.

Run by ctest as: readers_e2e.py --letapis PATH --source SOURCE_DIR
The PDFs are written by make_pdf() below (Helvetica text, one content stream per page).
"""
import collections
import email.message
import email.policy
import functools
import json
import os
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import e2e_util

ARGS = None
PASSPHRASE = "readers e2e passphrase"


run = functools.partial(e2e_util.run_letapis, passphrase=PASSPHRASE)


def pdf_string(text):
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(pages, locked=False):
    """A PDF 1.4 file: `pages` is a list of (lines, footer); locked adds an /Encrypt
    dictionary that no empty password opens."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join("%d 0 R" % (4 + 2 * k) for k in range(len(pages)))
    objects.append("<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)))
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for k, (lines, footer) in enumerate(pages):
        content = "BT /F1 11 Tf 14 TL 72 740 Td"
        for line in lines:
            content += " T*" if not line else " %s Tj T*" % pdf_string(line)
        content += " ET"
        if footer:
            content += " BT /F1 9 Tf 280 40 Td %s Tj ET" % pdf_string(footer)
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                       "<< /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * k))
        objects.append("<< /Length %d >>\nstream\n%s\nendstream" % (len(content) + 1, content))
    if locked:
        objects.append("<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>"
                       % ("A" * 64, "A" * 64))
    out = "%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += "%d 0 obj\n%s\nendobj\n" % (i + 1, body)
    xref = len(out)
    out += "xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += "".join("%010d 00000 n \n" % o for o in offsets)
    out += "trailer\n<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if locked:
        out += " /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), "1" * 32, "1" * 32)
    out += " >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return out.encode("latin-1")


# A fictional court notice over two pages with a running header and page footers.
NOTICE = [
    (["Lakeside Rights Monitor - Court Notice", "",
      "On 12 February 2026 the regional court in Varosk sentenced Pavel Lisitsky",
      "to four years in a penal colony under Article 342. Lisitsky, a teacher, was",
      "detained in October 2025 after a search of his flat."], "Page 1 of 2"),
    (["Lakeside Rights Monitor - Court Notice", "",
      "His wife, Nadia Lisitskaya, said he would appeal. The monitor counts 41 politi-",
      "cal prisoners in the region."], "Page 2 of 2"),
]


def make_eml():
    """A tip by e-mail: quoted-printable UTF-8 body, a PDF and an HTML attachment, and a
    picture that is not read."""
    msg = email.message.EmailMessage(policy=email.policy.SMTP)
    msg["From"] = "Вясна Вароск <tips@example.org>"  # sent as an RFC 2047 encoded word
    msg["To"] = "desk@example.org"
    msg["Subject"] = "Detention in Varosk"
    msg["Date"] = "Wed, 18 Feb 2026 09:12:00 +0200"
    msg.set_content("Good morning,\n\nOn 17 February 2026 police in Varosk detained Hanna "
                    "Mirnaya, a nurse, at her home. Her husband Siarhei Mirny said she was "
                    "taken to the city police department.\n\nRegards\n", cte="quoted-printable")
    msg.add_attachment(make_pdf(NOTICE), maintype="application", subtype="pdf",
                       filename="verdict.pdf")
    msg.add_attachment("<html><body><article><p>Lakeside Rights Monitor demands the release of "
                       "Hanna Mirnaya.</p></article></body></html>", subtype="html",
                       filename="statement.html")
    msg.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image", subtype="png",
                       filename="photo.png")
    return msg.as_bytes()


def article_html(title, body):
    return ("<html><head><title>%s</title><meta property=\"og:site_name\" content=\"Lake "
            "Courier\"></head><body><nav><a href=/>Home</a></nav><article><h1>%s</h1><p>%s</p>"
            "</article></body></html>" % (title, title, body)).encode()


def rss(base, links):
    items = "".join("<item><title>Item %d</title><link>%s%s</link>"
                    "<pubDate>Mon, 02 Mar 2026 09:00:00 +0000</pubDate></item>" % (i, base, link)
                    for i, link in enumerate(links))
    return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Lake Courier</title>"
            + items + "</channel></rss>").encode()


class FixtureServer:
    """A local HTTP server for the watch tests: a feed with an ETag (304 when it matches),
    articles, an Atom feed whose article fails once with 500, a truncated feed and a
    robots.txt that disallows /private/. Counts requests and remembers their headers."""

    def __init__(self):
        self.hits = collections.Counter()
        self.headers = collections.defaultdict(list)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send(self, status, body=b"", ctype="text/html; charset=utf-8", extra=()):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in extra:
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                path = self.path
                server.hits[path] += 1
                server.headers[path].append(dict(self.headers))
                base = "http://127.0.0.1:%d" % server.port
                if path == "/robots.txt":
                    self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                elif path == "/feed.xml":
                    if self.headers.get("If-None-Match") == '"v1"':
                        self.send(304)
                    else:
                        self.send(200, rss(base, ["/news/1.html", "/news/2.html",
                                                  "/private/3.html"]),
                                  "application/rss+xml", [("ETag", '"v1"')])
                elif path == "/atom.xml":
                    self.send(200, ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>"
                                    "Flaky</title><link href=\"%s/news/flaky.html\"/></entry>"
                                    "</feed>" % base).encode(), "application/atom+xml")
                elif path == "/truncated.xml":
                    self.send(200, rss(base, ["/news/9.html"])[:150], "application/rss+xml")
                elif path == "/news/1.html":
                    self.send(200, article_html("Teacher detained in Varosk",
                                                "Police in Varosk detained the teacher Ilya "
                                                "Borodin on Monday, his wife said."))
                elif path == "/news/2.html":
                    self.send(200, article_html("Blogger sentenced",
                                                "A court in Lida sentenced the blogger Ruslan "
                                                "Dovgal to three years in prison."))
                elif path == "/news/flaky.html":
                    if server.hits[path] == 1:
                        self.send(500, b"try again")
                    else:
                        self.send(200, article_html("Activist released",
                                                    "The activist Olga Tamash was released "
                                                    "from the prison in Zhodzina."))
                else:
                    self.send(404, b"not found")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class ReadersTest(unittest.TestCase):
    def setUp(self):
        self.dir, self.db = e2e_util.temp_store(run, "letapis-readers-e2e-")

    def tearDown(self):
        e2e_util.remove_tree(self.dir)

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_pdf_pages_in_explain_and_export_and_bad_pdfs_are_skipped(self):
        inbox = os.path.join(self.dir, "inbox")
        os.mkdir(inbox)
        good = self.write("inbox/notice.pdf", make_pdf(NOTICE))
        locked = self.write("inbox/locked.pdf", make_pdf(NOTICE, locked=True))
        damaged = self.write("inbox/damaged.pdf", make_pdf(NOTICE)[:200])
        proc = run("ingest", inbox, db=self.db, check=3)
        self.assertIn(locked + ": password-protected PDF", proc.stderr)
        self.assertIn(damaged + ":", proc.stderr)
        self.assertNotIn(good, proc.stderr)

        explain = run("explain", "notice.pdf", db=self.db, check=0).stdout
        self.assertIn("PDF of 2 pages", explain)
        self.assertIn("page 1 person \"Pavel Lisitsky\"", explain)
        self.assertIn("page 2 person \"Nadia Lisitskaya\"", explain)

        out = os.path.join(self.dir, "all.jsonl")
        run("export", "--format", "json", "--out", out, db=self.db, check=0)
        with open(out, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
        (record,) = [r for r in records if r["source"]["name"] == "notice.pdf"]
        self.assertEqual(record["source"]["format"], "pdf")
        text = json.dumps(record)
        self.assertNotIn("Page 1 of 2", text)
        self.assertNotIn("Lakeside Rights Monitor - Court Notice", text)
        pages = {m["text"]: m["page"] for e in record["entities"] for m in e["mentions"]}
        self.assertEqual(pages.get("Pavel Lisitsky"), 1, pages)
        self.assertEqual(pages.get("Nadia Lisitskaya"), 2, pages)

    def test_pdf_hyphenation_is_undone_in_extraction(self):
        path = self.write("notice.pdf", make_pdf(NOTICE))
        proc = run("extract", path, "--format", "json", check=0)
        (record,) = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
        # "politi-" / "cal prisoners" is one word again, so the figure is found.
        claims = [(c["value"], c["category"], c["evidence"]["page"]) for c in record["claims"]]
        self.assertIn((41, "political_prisoners", 2), claims)

    def test_eml_with_attachments_as_linked_sources(self):
        inbox = os.path.join(self.dir, "mail")
        os.mkdir(inbox)
        self.write("mail/tip.eml", make_eml())
        broken = self.write("mail/broken.eml",
                            b"Subject: x\nContent-Type: multipart/mixed\n\n--b\nbody\n")
        proc = run("ingest", inbox, db=self.db, check=3)
        self.assertIn(broken + ": malformed message: line 1: multipart/mixed without a "
                      "boundary parameter", proc.stderr)
        out = os.path.join(self.dir, "all.jsonl")
        run("export", "--format", "json", "--out", out, db=self.db, check=0)
        with open(out, encoding="utf-8") as f:
            records = {r["source"]["name"]: r for r in map(json.loads, f) if r}
        self.assertEqual(sorted(records), ["tip.eml", "tip.eml#statement.html",
                                           "tip.eml#verdict.pdf"])
        tip = records["tip.eml"]
        self.assertEqual(tip["source"]["format"], "eml")
        self.assertEqual(tip["source"]["title"], "Detention in Varosk")
        self.assertEqual(tip["source"]["author"], "Вясна Вароск <tips@example.org>")
        self.assertEqual(tip["source"]["published"], "2026-02-18")
        names = {m["text"] for e in tip["entities"] for m in e["mentions"]}
        self.assertIn("Hanna Mirnaya", names)
        self.assertIn("detained", json.dumps(tip["events"]))
        for name in ["tip.eml#statement.html", "tip.eml#verdict.pdf"]:
            self.assertEqual(records[name]["source"]["parent_sha256"], tip["source"]["sha256"])
        self.assertEqual(records["tip.eml#verdict.pdf"]["source"]["format"], "pdf")
        explain = run("explain", "tip.eml#verdict.pdf", db=self.db, check=0).stdout
        self.assertIn("attachment of the message with sha256 " + tip["source"]["sha256"][:12],
                      explain)

    def test_watch_feeds_politely_and_ingest_new_articles(self):
        server = FixtureServer()
        self.addCleanup(server.close)
        for path in ["/feed.xml", "/atom.xml", "/truncated.xml"]:
            out = run("watch", "add", server.url(path), db=self.db, check=0).stdout
            self.assertIn("watching " + server.url(path), out)
        self.assertIn("already watching", run("watch", "add", server.url("/feed.xml"),
                                               db=self.db, check=0).stdout)
        self.assertEqual(run("watch", "add", "ftp://example.org/feed", db=self.db).returncode, 1)

        proc = run("watch", "run", "--delay-ms", "20", "--backoff-ms", "10", db=self.db, check=3)
        self.assertIn("ingested 3 new article(s)", proc.stdout)
        self.assertIn(server.url("/private/3.html") + ": disallowed by robots.txt", proc.stderr)
        self.assertIn(server.url("/truncated.xml") + ": line 1:", proc.stderr)
        self.assertIn("truncated", proc.stderr)
        self.assertEqual(server.hits["/private/3.html"], 0)
        self.assertEqual(server.hits["/robots.txt"], 1)
        self.assertEqual(server.hits["/news/flaky.html"], 2)  # 500, then 200
        for headers in server.headers["/news/1.html"]:
            self.assertEqual(headers.get("User-Agent"), "letapis")

        summary = run("watch", "list", db=self.db, check=0).stdout
        self.assertIn(server.url("/feed.xml") + "  2 article(s); last check:", summary)
        self.assertIn("200 (2 new, 1 failed)", summary)

        out = os.path.join(self.dir, "all.jsonl")
        run("export", "--format", "json", "--out", out, db=self.db, check=0)
        with open(out, encoding="utf-8") as f:
            records = {r["source"]["name"]: r for r in map(json.loads, f) if r}
        article = records[server.url("/news/1.html")]
        self.assertEqual(article["source"]["publisher"], "Lake Courier")
        self.assertEqual(article["source"]["published"], "2026-03-02")
        self.assertIn("Ilya Borodin", json.dumps(article["entities"]))
        self.assertNotIn("Home", json.dumps(article))

        # Second run: the feed answers 304 to its ETag; no article is fetched again.
        proc = run("watch", "run", "--delay-ms", "20", "--backoff-ms", "10", db=self.db, check=3)
        self.assertIn(server.url("/feed.xml") + ": 304 not modified", proc.stdout)
        self.assertEqual(server.headers["/feed.xml"][-1].get("If-None-Match"), '"v1"')
        self.assertIn("ingested 0 new article(s)", proc.stdout)
        self.assertEqual(server.hits["/news/1.html"], 1)
        self.assertEqual(server.hits["/news/flaky.html"], 2)

    def test_web_page_main_content_and_metadata(self):
        page = os.path.join(ARGS.source, "tests", "data", "pages", "harbour-gazette-trial.html")
        proc = run("extract", page, "--format", "json", check=0)
        (record,) = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
        source = record["source"]
        self.assertEqual(source["title"], "Two dockworkers jailed for strike leaflets in Klaipor")
        self.assertEqual(source["author"], "Irena Valk")
        self.assertEqual(source["publisher"], "The Harbour Gazette")
        self.assertEqual(source["published"], "2026-03-05")
        self.assertEqual(source["url"],
                         "https://example.org/harbour-gazette/2026/03/dockworkers-jailed")
        names = {m["text"] for e in record["entities"] for m in e["mentions"]}
        self.assertIn("Tomas Reinik", names)
        self.assertIn("Marek Ostrov", names)
        text = json.dumps(record)
        for junk in ["cookies", "Ferry timetable", "Harbour crane", "Shameful verdict",
                     "All rights reserved", "Log in"]:
            self.assertNotIn(junk, text)


def main():
    global ARGS
    ARGS, rest = e2e_util.parse_args()
    e2e_util.main(rest, verbosity=1)


if __name__ == "__main__":
    main()
