#!/usr/bin/env python3
"""End-to-end tests of `letapis serve --public`: the public, read-only site shows only what
`letapis export --public` publishes. A store with a protected witness (named in a confirmed
event and in a confirmed quote, in three forms and two scripts), a confidential report, a proposed and a
rejected fact; every public route is fetched and must never show the witness's name, the
confidential report or the unconfirmed facts; every staff route and every non-GET request is
refused; no response sets a cookie.

Run by ctest as: public_web_e2e.py --letapis PATH --source SOURCE_DIR
The reports are written here: fictional people in fictional towns.
"""
import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse

import e2e_util

ARGS = None
PASSPHRASE = "public web e2e passphrase"
EDITOR_PASSWORD = "editor-password-1"
STATE = {}

WITNESS = "Radmila Kuzmenich"
# Every written form of the witness's name in the reports; none may reach the public.
# The Cyrillic spelling is not linked to her by extraction: the public export's spelling
# sweep must find it.
WITNESS_FORMS = ["Radmila Kuzmenich", "Kuzmenich", "Radmila", "Кузьменіч", "Радміла"]
PUBLIC_REPORT = """Varensk Monitor weekly bulletin

On 4 March 2025 police in Varensk detained the journalist Ostap Sarnavich and the witness Radmila Kuzmenich (Радміла Кузьменіч) outside the district court.

"They took our phones and beat us in the van," Kuzmenich said.

On 10 March 2025 the district court in Varensk sentenced Bohdan Marchenkova to 4 years in a penal colony under Article 342.

On 12 February 2025 police searched the home of Yesenia Ostrovich in Dolmira.

According to the Varensk Monitor, at least 47 political prisoners were held in the region as of 1 March 2025.
"""
# Text of the confidential report that must never be shown (names, town, title).
SECRET_REPORT = """Kestrovo Herald night edition

On 2 April 2025 police detained the teacher Miroslav Bialkevich in Kestrovo.

"Nobody told us where he was taken," Dariya Bialkevich said.
"""
SECRET_WORDS = ["Kestrovo", "Bialkevich", "Herald"]
REJECTED_WORDS = ["Marchenkova", "Bohdan"]  # the rejected sentence
PROPOSED_WORDS = ["Ostrovich", "Yesenia", "Dolmira"]  # left proposed
FILE_NAMES = ["bulletin.txt", "herald.txt"]


def run(*args, stdin=None, check=0):
    env = dict(os.environ, LETAPIS_PASSPHRASE=PASSPHRASE, LETAPIS_DB=STATE["db"])
    proc = subprocess.run([ARGS.letapis, *args], env=env, capture_output=True, text=True,
                          input=stdin, timeout=600)
    if check is not None and proc.returncode != check:
        raise AssertionError("letapis %s exited %d\n%s%s" % (" ".join(args), proc.returncode,
                                                           proc.stdout, proc.stderr))
    return proc


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request(method, path, body=body, headers=headers or {})
    resp = conn.getresponse()
    data = resp.read().decode("utf-8", "replace")
    conn.close()
    return resp.status, [(k.lower(), v) for k, v in resp.getheaders()], data


def start_server(*extra):
    port = free_port()
    env = dict(os.environ, LETAPIS_PASSPHRASE=PASSPHRASE, LETAPIS_DB=STATE["db"])
    proc = subprocess.Popen([ARGS.letapis, "serve", "--listen", "127.0.0.1:%d" % port, *extra],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            request(port, "GET", "/static/app.css")
            return proc, port
        except OSError:
            if proc.poll() is not None:
                raise AssertionError("the server exited: " + proc.stderr.read())
            time.sleep(0.2)
    raise AssertionError("the server did not start")


def stop_server(proc):
    proc.terminate()
    proc.wait(timeout=30)
    proc.stderr.close()


def routes(*extra):
    return e2e_util.server_routes(run, *extra)


concrete = e2e_util.concrete_path


def review(port, token, kind, fact_id, action):
    status, _, data = request(port, "POST", "/api/v1/%ss/%d/review" % (kind, fact_id),
                              body=json.dumps({"action": action}),
                              headers={"Authorization": "Bearer " + token})
    assert status == 200, (kind, fact_id, action, status, data)


def facts(port, token, kind, report_id):
    status, _, data = request(port, "GET", "/api/v1/%ss?report=%d&limit=500" % (kind, report_id),
                              headers={"Authorization": "Bearer " + token})
    assert status == 200, data
    return json.loads(data)["items"]


def review_with_staff_site():
    """Confirms the witness's facts and the figure, rejects the Marchenkova sentence, leaves
    the Ostrovich search proposed; confirms everything of the confidential report."""
    run("user", "add", "editor", "--role", "editor", "--password-stdin",
        stdin=EDITOR_PASSWORD + "\n")
    token = run("token", "create", "editor").stdout.strip()
    proc, port = start_server()
    try:
        status, _, data = request(port, "GET", "/api/v1/reports?limit=100",
                                  headers={"Authorization": "Bearer " + token})
        reports = {r["name"]: r["id"] for r in json.loads(data)["items"]}
        bulletin, herald = reports["bulletin.txt"], reports["herald.txt"]
        STATE["confirmed_events"] = 0
        for event in facts(port, token, "event", bulletin):
            if any(w in event["evidence"] for w in REJECTED_WORDS):
                review(port, token, "event", event["id"], "reject")
            elif not any(w in event["evidence"] for w in PROPOSED_WORDS):
                review(port, token, "event", event["id"], "confirm")
                STATE["confirmed_events"] += 1
        for kind in ("claim", "quote"):
            for fact in facts(port, token, kind, bulletin):
                review(port, token, kind, fact["id"], "confirm")
        for kind in ("event", "claim", "quote"):
            for fact in facts(port, token, kind, herald):
                review(port, token, kind, fact["id"], "confirm")
    finally:
        stop_server(proc)


def setUpModule():
    STATE["dir"] = tempfile.mkdtemp(prefix="letapis-public-web-e2e-")
    STATE["db"] = os.path.join(STATE["dir"], "store.db")
    reports = os.path.join(STATE["dir"], "reports")
    os.makedirs(reports)
    for name, text in (("bulletin.txt", PUBLIC_REPORT), ("herald.txt", SECRET_REPORT)):
        with open(os.path.join(reports, name), "w", encoding="utf-8") as f:
            f.write(text)
    run("init")
    run("ingest", reports)
    run("protect", WITNESS)
    run("confidential", "herald.txt")
    review_with_staff_site()
    STATE["export"] = run("export", "--public").stdout
    STATE["proc"], STATE["port"] = start_server("--public")


def tearDownModule():
    stop_server(STATE["proc"])
    shutil.rmtree(STATE["dir"])


def get(path, method="GET", body=None):
    return request(STATE["port"], method, path, body=body)


def public_paths():
    """Every public GET route, plus the filtered, dossier and API variants."""
    # /people/view needs a name: the dossiers linked from /people are fetched instead.
    paths = [concrete(p) for m, p, _, _ in routes("--public") if p != "/people/view"]
    _, _, people = get("/people")
    for name in re.findall(r'href="(/people/view\?name=[^"]+)"', people):
        paths.append(name.replace("&amp;", "&"))
    paths += ["/events?type=detention", "/events?from=2025-03&to=2025-03",
              "/events?person=protected", "/people?q=protected",
              "/api/v1/public/events?limit=500", "/api/v1/public/claims?limit=500",
              "/api/v1/public/quotes?limit=500"]
    return paths


class PublicSiteTest(unittest.TestCase):
    def test_export_names_the_witness_by_pseudonym_only(self):
        self.assertTrue(STATE["export"].strip())
        self.assertIn("Protected person ", STATE["export"])
        for form in WITNESS_FORMS:
            self.assertNotIn(form, STATE["export"])

    def test_no_public_page_leaks(self):
        pseudonym = re.search(r"Protected person [0-9a-f]{10}", STATE["export"]).group(0)
        paths = public_paths()
        self.assertGreater(len(paths), 12)
        seen = ""
        for path in paths:
            status, headers, body = get(path)
            self.assertEqual(status, 200, path)
            names = [k for k, _ in headers]
            self.assertNotIn("set-cookie", names, path)
            self.assertIn("content-security-policy", names, path)
            self.assertIn("x-frame-options", names, path)
            if path.startswith("/static/"):
                continue  # the stylesheet and script, the same on every site
            lower = body.lower()
            for word in WITNESS_FORMS + SECRET_WORDS + REJECTED_WORDS + PROPOSED_WORDS + \
                    FILE_NAMES + [STATE["dir"]]:
                self.assertNotIn(word.lower(), lower, (path, word))
            for bad in ("<form method=\"post\"", "csrf", "/login", "review_state", "rule"):
                self.assertNotIn(bad, body, (path, bad))
            seen += body
        # The witness is there under the pseudonym: in events, the quote and the dossier.
        self.assertIn(pseudonym, seen)
        _, _, dossier = get("/people/view?name=" + urllib.parse.quote(pseudonym))
        self.assertIn("They took our phones", dossier)
        self.assertIn("detention", dossier)
        self.assertIn("Ostap Sarnavich", seen)

    def test_only_confirmed_events_are_published(self):
        _, _, data = get("/api/v1/public/events?limit=500")
        events = json.loads(data)
        self.assertEqual(events["total"], STATE["confirmed_events"])
        self.assertGreater(events["total"], 0)
        for e in events["items"]:
            self.assertEqual(set(e["report"]), {"title", "publisher", "url", "published"})
            self.assertNotIn("name", e)
        quotes = json.loads(get("/api/v1/public/quotes")[2])["items"]
        self.assertTrue(quotes)
        self.assertTrue(all(q["speaker"].startswith("Protected person ") for q in quotes
                            if "phones" in q["text"]))
        claims = json.loads(get("/api/v1/public/claims")[2])["items"]
        self.assertEqual([c["value"] for c in claims], [47])

    def test_asking_for_the_real_name_finds_nothing(self):
        _, _, page = get("/events?person=" + urllib.parse.quote("Kuzmenich"))
        self.assertIn("No events match.", page)
        status, _, page = get("/people/view?name=" + urllib.parse.quote(WITNESS))
        self.assertEqual(status, 404)
        self.assertNotIn(WITNESS, page)

    def test_every_staff_route_is_refused(self):
        public = {(m, p) for m, p, _, _ in routes("--public")}
        staff = routes()
        refused = 0
        for method, pattern, _, _ in staff:
            if (method, pattern) in public:
                continue
            status, headers, _ = get(concrete(pattern), method=method, body="")
            self.assertEqual(status, 404, (method, pattern))
            self.assertNotIn("set-cookie", [k for k, _ in headers])
            refused += 1
        self.assertGreater(refused, 25)
        for path in ("/login", "/users", "/upload", "/review", "/api/v1/ingest", "/reports/1",
                     "/facts/event/1", "/export/full.jsonl", "/search?q=Kuzmenich"):
            self.assertEqual(get(path)[0], 404, path)

    def test_every_non_get_request_is_refused(self):
        for method, pattern, _, _ in routes("--public"):
            self.assertEqual(method, "GET")
            for verb in ("POST", "PUT", "DELETE", "PATCH"):
                status, headers, _ = get(concrete(pattern), method=verb, body="x=1")
                self.assertEqual(status, 404, (verb, pattern))
                self.assertNotIn("set-cookie", [k for k, _ in headers])
        # A login attempt with a real account changes nothing and sets no session.
        status, headers, _ = request(STATE["port"], "POST", "/login",
                                     body="name=editor&password=" + EDITOR_PASSWORD,
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 404)
        self.assertNotIn("set-cookie", [k for k, _ in headers])

    def test_a_report_marked_confidential_disappears_at_once(self):
        before = json.loads(get("/api/v1/public/events")[2])["total"]
        self.assertGreater(before, 0)
        run("confidential", "bulletin.txt")
        try:
            self.assertEqual(json.loads(get("/api/v1/public/events")[2])["total"], 0)
            self.assertIn("No events match.", get("/events")[2])
        finally:
            run("confidential", "--clear", "bulletin.txt")
        self.assertEqual(json.loads(get("/api/v1/public/events")[2])["total"], before)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--letapis", required=True)
    parser.add_argument("--source", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
