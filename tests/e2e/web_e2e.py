#!/usr/bin/env python3
"""End-to-end tests of `letapis serve`: authentication of every route, roles, CSRF, rate
limiting, security headers, the review workflow kept across `letapis reextract`, search,
upload, and a report full of HTML/JS injection attempts shown escaped on every page.

Run by ctest as: web_e2e.py --letapis PATH --source SOURCE_DIR
"""
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.parse

import e2e_util

ARGS = None
PASSPHRASE = "web e2e passphrase"
PASSWORDS = {"admin": "admin-password-1", "editor": "editor-password-1",
             "viewer": "viewer-password-1", "target": "target-password-1"}
ROLES = {"admin": "admin", "editor": "editor", "viewer": "viewer", "target": "viewer"}
SERVER = {}
FIXTURES = None


def run(*args, stdin=None, check=0):
    return e2e_util.run_letapis(*args, passphrase=PASSPHRASE, db=SERVER["db"], stdin=stdin,
                                check=check)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """A tiny HTTP client with a cookie jar; never follows redirects."""

    def __init__(self):
        self.cookies = {}
        self.set_cookies = []  # every Set-Cookie header of the last response

    def request(self, method, path, body=None, headers=None, form=None):
        headers = dict(headers or {})
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        conn = http.client.HTTPConnection("127.0.0.1", SERVER["port"], timeout=60)
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read().decode("utf-8", "replace")
        self.set_cookies = []
        for name, value in resp.getheaders():
            if name.lower() == "set-cookie":
                self.set_cookies.append(value)
                k, v = value.split(";", 1)[0].split("=", 1)
                if v:
                    self.cookies[k] = v
                else:
                    self.cookies.pop(k, None)
        conn.close()
        return resp.status, dict((k.lower(), v) for k, v in resp.getheaders()), data

    def login(self, name, password=None):
        status, _, page = self.request("GET", "/login")
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        status, headers, _ = self.request("POST", "/login", form={
            "csrf": token, "name": name, "password": password or PASSWORDS[name]})
        return status, headers

    def csrf(self):
        _, _, page = self.request("GET", "/")
        return re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)


def logged_in(name):
    c = Client()
    status, headers = c.login(name)
    assert status == 303 and headers["location"] == "/", (status, headers)
    return c


def routes(*extra):
    return e2e_util.server_routes(run, *extra)


concrete = e2e_util.concrete_path


def setUpModule():
    SERVER["dir"] = tempfile.mkdtemp(prefix="letapis-web-e2e-")
    SERVER["db"] = os.path.join(SERVER["dir"], "store.db")
    run("init")
    run("ingest", os.path.join(ARGS.source, "examples"), FIXTURES)
    for name, password in PASSWORDS.items():
        run("user", "add", name, "--role", ROLES[name], "--password-stdin", stdin=password + "\n")
    SERVER["editor_token"] = run("token", "create", "editor").stdout.strip()
    SERVER["viewer_token"] = run("token", "create", "viewer").stdout.strip()
    SERVER["port"] = free_port()
    env = dict(os.environ, LETAPIS_PASSPHRASE=PASSPHRASE, LETAPIS_DB=SERVER["db"])
    SERVER["proc"] = subprocess.Popen(
        [ARGS.letapis, "serve", "--listen", "127.0.0.1:%d" % SERVER["port"]], env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            Client().request("GET", "/login")
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


def tearDownModule():
    SERVER["proc"].terminate()
    SERVER["proc"].wait(timeout=30)
    shutil.rmtree(SERVER["dir"])


class AccessTest(unittest.TestCase):
    def test_every_route_refuses_a_client_without_session(self):
        checked = 0
        for method, pattern, access, _ in routes():
            if access == "public":
                continue
            status, headers, body = Client().request(method, concrete(pattern))
            if access == "api":
                self.assertEqual(status, 401, (method, pattern))
                self.assertIn("error", json.loads(body))
            else:
                self.assertEqual(status, 303, (method, pattern))
                self.assertEqual(headers["location"], "/login")
            checked += 1
        self.assertGreater(checked, 25)

    def test_a_viewer_reaches_no_mutating_route(self):
        viewer = logged_in("viewer")
        csrf = viewer.csrf()
        mutating = [r for r in routes() if r[0] != "GET" and r[2] != "public"
                    and r[1] != "/logout"]
        self.assertGreater(len(mutating), 6)
        for method, pattern, access, rank in mutating:
            self.assertGreaterEqual(rank, 2, pattern)
            path = concrete(pattern)
            if access == "api":
                status, _, _ = Client().request(method, path, body="{}", headers={
                    "Authorization": "Bearer " + SERVER["viewer_token"]})
            else:
                status, _, _ = viewer.request(method, path, form={"csrf": csrf, "action": "reject",
                                                                  "name": "x", "role": "admin"})
            self.assertEqual(status, 403, (method, pattern))
        # Nothing changed: no fact was rejected by the viewer.
        events = self.api("GET", "/api/v1/events?state=rejected&limit=1000")
        self.assertFalse([e for e in events["items"] if e["id"] == 1])

    def api(self, method, path, body=None, token=None):
        status, _, data = Client().request(method, path, body=json.dumps(body) if body else None,
                                           headers={"Authorization": "Bearer " + (token or SERVER["editor_token"])})
        self.assertLess(status, 300, data)
        return json.loads(data)

    def test_forms_without_csrf_token_are_refused(self):
        editor = logged_in("editor")
        status, _, _ = editor.request("POST", "/facts/event/1/review", form={"action": "confirm"})
        self.assertEqual(status, 403)
        status, _, _ = editor.request("POST", "/facts/event/1/review",
                                      form={"action": "confirm", "csrf": "0" * 64})
        self.assertEqual(status, 403)

    def test_logout_ends_the_session(self):
        c = logged_in("viewer")
        self.assertEqual(c.request("GET", "/events")[0], 200)
        session = c.cookies["letapis_session"]
        status, headers, _ = c.request("POST", "/logout", form={"csrf": c.csrf()})
        self.assertEqual(status, 303)
        c.cookies["letapis_session"] = session  # a stolen cookie is dead too
        self.assertEqual(c.request("GET", "/events")[0], 303)

    def test_login_is_rate_limited(self):
        c = Client()
        codes = [c.login("target", "wrong password %d" % i)[0] for i in range(7)]
        self.assertEqual(codes[:5], [401] * 5)
        self.assertEqual(codes[-1], 429)
        # The right password is refused too while limited; other users may still log in.
        self.assertEqual(c.login("target")[0], 429)
        self.assertEqual(Client().login("viewer")[0], 303)

    def test_security_headers_and_cookie_flags(self):
        c = Client()
        status, headers, _ = c.request("GET", "/login")
        csp = headers["content-security-policy"]
        self.assertIn("script-src 'self'", csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertEqual(headers["x-frame-options"], "DENY")
        self.assertEqual(headers["x-content-type-options"], "nosniff")
        self.assertEqual(headers["referrer-policy"], "no-referrer")
        c = Client()
        self.assertEqual(c.login("viewer")[0], 303)
        session = [v for v in c.set_cookies if v.startswith("letapis_session=")]
        self.assertEqual(len(session), 1, c.set_cookies)
        self.assertIn("HttpOnly", session[0])
        self.assertIn("SameSite=Strict", session[0])

    def test_oversized_body_is_refused(self):
        editor = logged_in("editor")
        status, _, _ = editor.request("POST", "/upload", body="x" * (41 << 20),
                                      headers={"Content-Type": "text/plain"})
        self.assertEqual(status, 413)


class WorkflowTest(unittest.TestCase):
    def api(self, method, path, body=None, token=None, expect=None):
        status, _, data = Client().request(method, path, body=json.dumps(body) if body else None,
                                           headers={"Authorization": "Bearer " + (token or SERVER["editor_token"])})
        if expect is not None:
            self.assertEqual(status, expect, data)
        return status, json.loads(data)

    def test_review_is_kept_across_reextract(self):
        _, events = self.api("GET", "/api/v1/events?report=1&limit=100")
        self.assertGreaterEqual(len(events["items"]), 2)
        first, second = events["items"][0], events["items"][1]
        self.api("POST", "/api/v1/events/%d/review" % first["id"], {"action": "confirm"}, expect=200)
        self.api("POST", "/api/v1/events/%d/review" % second["id"],
                 {"action": "edit", "date": "2020-01-02", "why": "the court record"}, expect=200)
        _, fact = self.api("GET", "/api/v1/events/%d" % second["id"])
        self.assertEqual(fact["review_state"], "corrected")
        self.assertEqual(fact["history"][-1]["actor"], "editor")
        self.assertEqual(fact["history"][-1]["before"]["date"], second["date"] or "")
        out = run("reextract").stdout
        self.assertIn("review decision(s) kept", out)
        _, after = self.api("GET", "/api/v1/events?report=1&limit=100")
        by_rule = {(e["rule"], tuple(e["evidence_span"])): e for e in after["items"]}
        kept1 = by_rule[(first["rule"], tuple(first["evidence_span"]))]
        kept2 = by_rule[(second["rule"], tuple(second["evidence_span"]))]
        self.assertEqual(kept1["review_state"], "confirmed")
        self.assertEqual(kept2["review_state"], "corrected")
        self.assertEqual(kept2["date"], "2020-01-02")

    def test_viewer_token_cannot_review(self):
        status, body = self.api("POST", "/api/v1/events/1/review", {"action": "reject"},
                                token=SERVER["viewer_token"])
        self.assertEqual(status, 403)
        self.assertIn("error", body)

    def test_bad_review_is_a_json_error(self):
        status, body = self.api("POST", "/api/v1/events/1/review", {"action": "explode"})
        self.assertEqual(status, 400)
        self.assertIn("explode", body["error"])
        status, body = self.api("GET", "/api/v1/events/999999")
        self.assertEqual(status, 404)

    def test_search_finds_cyrillic_in_any_case(self):
        _, hits = self.api("GET", "/api/v1/search?q=" + urllib.parse.quote("КАРПЕНКУ"))
        self.assertEqual(hits["total"], 1)
        self.assertIn("[[Карпенку]]", hits["items"][0]["snippet"])
        proc = run("search", "карпенку")
        self.assertIn("cyrillic-report.txt", proc.stdout)

    def test_ingest_through_the_api(self):
        status, body = self.api("POST", "/api/v1/ingest",
                                {"name": "api-note", "text": "On 2 May 2025 police detained "
                                 "Andrei Palchuk in Minsk, Viasna Watch said."})
        self.assertEqual(status, 201, body)
        _, hits = self.api("GET", "/api/v1/search?q=Palchuk")
        self.assertEqual(hits["total"], 1)

    def test_upload_form(self):
        editor = logged_in("editor")
        boundary = "----letapis-e2e"
        text = "On 9 June 2025 police searched the home of Nadzeya Rusak in Vitebsk."
        body = ("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n"
                "--%s\r\nContent-Disposition: form-data; name=\"files\"; filename=\"upload.txt\"\r\n"
                "Content-Type: text/plain\r\n\r\n%s\r\n--%s--\r\n"
                % (boundary, editor.csrf(), boundary, text, boundary))
        status, _, page = editor.request("POST", "/upload", body=body.encode(), headers={
            "Content-Type": "multipart/form-data; boundary=" + boundary})
        self.assertEqual(status, 200, page)
        self.assertIn("upload.txt: stored and extracted", page)

    def test_every_page_renders_for_an_admin(self):
        admin = logged_in("admin")
        for method, pattern, access, _ in routes():
            if method != "GET" or access != "page":
                continue
            path = concrete(pattern)
            status, _, page = admin.request("GET", path)
            self.assertIn(status, (200, 404), path)


class ReviewedFactsTest(unittest.TestCase):
    """Editing an event's people moves it between dossiers (and survives reextract);
    rejected facts leave the CLI statistics and summary."""

    api = WorkflowTest.api

    def ingest(self, name, text):
        status, body = self.api("POST", "/api/v1/ingest", {"name": name, "text": text})
        self.assertEqual(status, 201, body)
        _, reports = self.api("GET", "/api/v1/reports?limit=1")
        self.assertEqual(reports["items"][0]["name"], name)
        return reports["items"][0]["id"]

    def steps(self, name):
        """The dossier timeline of the one person called `name`, as (type, report) pairs."""
        _, people = self.api("GET", "/api/v1/people?name=" + urllib.parse.quote(name), expect=200)
        self.assertEqual(len(people["items"]), 1, people)
        _, dossier = self.api("GET", "/api/v1/people/%d" % people["items"][0]["id"], expect=200)
        return [(s["type"], s["report"]) for s in dossier["timeline"]]

    def test_editing_people_moves_the_event_to_the_right_dossier(self):
        self.ingest("people-court.txt", "On 12 April 2025 the court in Brest sentenced Hanna "
                    "Lapitskaya to four years in prison.")
        raid = self.ingest("people-raid.txt", "On 3 March 2025 police detained Zmitser Baravik "
                           "in Hrodna.")
        _, events = self.api("GET", "/api/v1/events?type=detention&report=%d" % raid)
        self.assertEqual(len(events["items"]), 1, events)
        event = events["items"][0]
        self.assertEqual(event["people"], ["Zmitser Baravik"])
        self.assertIn(("detention", "people-raid.txt"), self.steps("Zmitser Baravik"))

        status, body = self.api("POST", "/api/v1/claims/1/review",
                                {"action": "edit", "people": ["Hanna Lapitskaya"]})
        self.assertEqual(status, 400, body)
        status, body = self.api("POST", "/api/v1/events/%d/review" % event["id"],
                                {"action": "edit", "people": "Hanna Lapitskaya"})
        self.assertEqual(status, 400, body)
        # The web form: one name per line or separated by ";".
        editor = logged_in("editor")
        status, headers, page = editor.request(
            "POST", "/facts/event/%d/review" % event["id"],
            form={"csrf": editor.csrf(), "action": "edit", "why": "the court record",
                  "people": "Hanna Lapitskaya;\r\n  "})
        self.assertEqual(status, 303, page)
        _, fact = self.api("GET", "/api/v1/events/%d" % event["id"], expect=200)
        self.assertEqual(fact["people"], ["Hanna Lapitskaya"])
        self.assertEqual(fact["review_state"], "corrected")
        self.assertEqual(fact["history"][-1]["before"]["people"], ["Zmitser Baravik"])
        self.assertEqual(fact["history"][-1]["after"]["added_people"][0]["rule"], "review.person")
        self.assertEqual(self.steps("Hanna Lapitskaya"),
                         [("detention", "people-raid.txt"), ("sentence", "people-court.txt")])
        self.assertNotIn(("detention", "people-raid.txt"), self.steps("Zmitser Baravik"))
        _, _, page = editor.request("GET", "/facts/event/%d" % event["id"])
        self.assertIn('<textarea name="people" rows="3">Hanna Lapitskaya</textarea>', page)

        run("reextract")
        self.assertEqual(self.steps("Hanna Lapitskaya"),
                         [("detention", "people-raid.txt"), ("sentence", "people-court.txt")])
        self.assertNotIn(("detention", "people-raid.txt"), self.steps("Zmitser Baravik"))
        # The API form of the edit: a list of names.
        _, events = self.api("GET", "/api/v1/events?type=detention&report=%d" % raid)
        _, fact = self.api("POST", "/api/v1/events/%d/review" % events["items"][0]["id"],
                           {"action": "edit", "people": ["Zmitser Baravik", "Hanna Lapitskaya"]},
                           expect=200)
        self.assertEqual(fact["people"], ["Zmitser Baravik", "Hanna Lapitskaya"])
        self.assertIn(("detention", "people-raid.txt"), self.steps("Zmitser Baravik"))

    def test_rejected_facts_leave_stats_and_summary(self):
        report = self.ingest("rejected-note.txt", "On 7 May 2025 the Viasna Watch group said that "
                             "4321 people were political prisoners in the country. On 6 May 2025 "
                             "police detained Kiryl Shved in Hrodna.")
        _, claims = self.api("GET", "/api/v1/claims?report=%d" % report)
        self.assertEqual([c["value"] for c in claims["items"]], [4321], claims)
        _, events = self.api("GET", "/api/v1/events?report=%d" % report)
        self.assertEqual(len(events["items"]), 1, events)
        stats = json.loads(run("stats", "political_prisoners", "--json").stdout)
        self.assertIn(4321, [p["value"] for p in stats])
        summary = json.loads(run("summary", "--json", "--top", "1000").stdout)
        self.assertIn("Kiryl Shved", [p["name"] for p in summary["people"]])
        self.api("POST", "/api/v1/claims/%d/review" % claims["items"][0]["id"],
                 {"action": "reject"}, expect=200)
        self.api("POST", "/api/v1/events/%d/review" % events["items"][0]["id"],
                 {"action": "reject"}, expect=200)
        stats = json.loads(run("stats", "political_prisoners", "--json").stdout)
        self.assertNotIn(4321, [p["value"] for p in stats])
        after = json.loads(run("summary", "--json", "--top", "1000").stdout)
        self.assertNotIn("Kiryl Shved", [p["name"] for p in after["people"]])
        self.assertEqual(after["counts"]["events"], summary["counts"]["events"] - 1)
        self.assertEqual(after["counts"]["claims"], summary["counts"]["claims"] - 1)
        self.assertEqual(after["counts"]["rejected"], summary["counts"]["rejected"] + 2)
        self.assertIn("that reviewers rejected are left out", run("summary").stdout)


class InjectionTest(unittest.TestCase):
    """Every page that shows the hostile report keeps its markup as text."""

    def test_no_page_carries_live_markup_from_a_report(self):
        admin = logged_in("admin")
        _, _, listing = admin.request("GET", "/reports?offset=0")
        report_id = re.search(r'href="/reports/(\d+)">[^<]*Court hears', listing)
        self.assertTrue(report_id, "the hostile report is listed")
        report_id = report_id.group(1)
        _, events = WorkflowTest.api(self, "GET", "/api/v1/events?report=%s" % report_id)
        pages = ["/", "/reports", "/reports/" + report_id, "/events", "/events?person=Marchuk",
                 "/review", "/review?kind=claim", "/review?kind=quote", "/people",
                 "/people/view?name=" + urllib.parse.quote("Olga Kavalenka"), "/stats",
                 "/search?q=pwned", "/search?q=" + urllib.parse.quote("<script>"),
                 "/events?place=" + urllib.parse.quote('"><script>window.__pwned=12</script>')]
        pages += ["/facts/event/%d" % e["id"] for e in events["items"]]
        for path in pages:
            status, _, page = admin.request("GET", path)
            self.assertIn(status, (200, 404), path)
            scripts = re.findall(r"<script[^>]*>", page, re.I)
            self.assertEqual(scripts, ['<script src="/static/app.js" defer>'], path)
            for bad in ("<iframe", "<img", "<svg onload", "<b onmouseover", "href=\"javascript:",
                        "onerror=\"", "onclick='"):
                self.assertNotIn(bad, page, (path, bad))
            self.assertNotIn('style="', page, path)
        status, _, csv = admin.request("GET", "/events.csv")
        self.assertEqual(status, 200)

    api = WorkflowTest.api


def main():
    global ARGS, FIXTURES
    ARGS, rest = e2e_util.parse_args()
    FIXTURES = os.path.join(ARGS.source, "tests", "e2e", "web_fixtures")
    e2e_util.main(rest)


if __name__ == "__main__":
    main()
