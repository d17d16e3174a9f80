#!/usr/bin/env python3
"""End-to-end tests of letapis's safekeeping: rekey, backup/restore, audit chain, no
plaintext at rest, read-only store, full disk and a SIGKILL in the middle of an ingest.

Run by ctest as: sec_e2e.py --letapis PATH --source SOURCE_DIR
The reports are generated here: fictional people in fictional towns.
"""
import functools
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

import e2e_util

ARGS = None
PASSPHRASE = "sec e2e passphrase"
NEW_PASSPHRASE = "sec e2e second passphrase"

GIVEN = ["Olesya", "Tamerlan", "Vitold", "Radmila", "Ostap", "Zarina", "Lubomir", "Yesenia",
         "Miroslav", "Dariya", "Bohdan", "Kamila"]
FAMILY = ["Marchenkova", "Dovlatbekov", "Sarnavich", "Kuzmenich", "Harbatsevich", "Lyavonava",
          "Piatrouski", "Zhuravleva", "Ostrovich", "Bialkevich"]
TOWNS = ["Varensk", "Dolmira", "Kestrovo", "Ulvany", "Brezhany"]
# A phrase in every generated report; it must never be readable in a store or backup file.
MARKER = "the tribunal of Varensk heard the witness"


def make_report(i, rng):
    person = "%s %s" % (rng.choice(GIVEN), rng.choice(FAMILY))
    lawyer = "%s %s" % (rng.choice(GIVEN), rng.choice(FAMILY))
    town = rng.choice(TOWNS)
    years = rng.randint(2, 9)
    return (
        "Report %d from %s.\n\n"
        "On %d March 2025 the district court in %s sentenced the blogger %s to %d years in a "
        "penal colony under Article 342 of the Criminal Code. Earlier, %s in a closed hearing.\n\n"
        "Lawyer %s said the case was fabricated. Police detained %s on %d February 2025 at "
        "home; the search lasted six hours.\n"
        % (i, town, 1 + i % 28, town, person, years, MARKER, lawyer, person, 1 + i % 27))


def write_batch(folder, count, seed=7):
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(seed)
    for i in range(count):
        with open(os.path.join(folder, "report-%04d.txt" % i), "w", encoding="utf-8") as f:
            f.write(make_report(i, rng))


run = functools.partial(e2e_util.run_letapis, passphrase=PASSPHRASE, timeout=900)


def counts(db, passphrase=PASSPHRASE):
    return json.loads(run("summary", "--json", db=db, passphrase=passphrase,
                          check=0).stdout)["counts"]


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


class SecTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="letapis-sec-e2e-")
        cls.batch = os.path.join(cls.root, "batch")
        write_batch(cls.batch, 300)
        # The reference: the whole batch ingested in one clean run.
        cls.clean = os.path.join(cls.root, "clean.db")
        run("init", db=cls.clean, check=0)
        run("ingest", cls.batch, db=cls.clean, check=0)
        cls.clean_counts = counts(cls.clean)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root)

    def setUp(self):
        self.dir, self.db = e2e_util.temp_store(run, "case-", parent=self.root)

    def tearDown(self):
        # Undo any permission change before removing.
        for path in (self.dir, self.db):
            if os.path.exists(path):
                os.chmod(path, 0o700 if os.path.isdir(path) else 0o600)
        shutil.rmtree(self.dir)

    def ingest_examples(self):
        run("ingest", os.path.join(ARGS.source, "examples"), db=self.db, check=0)

    def test_rekey(self):
        self.ingest_examples()
        before = run("export", "--format", "json", db=self.db, check=0).stdout
        wrong = run("rekey", db=self.db, passphrase="wrong",
                    env_extra={"LETAPIS_NEW_PASSPHRASE": NEW_PASSPHRASE})
        self.assertEqual(wrong.returncode, 4, wrong.stderr)
        self.assertIn("wrong passphrase", wrong.stderr)
        run("rekey", db=self.db, env_extra={"LETAPIS_NEW_PASSPHRASE": NEW_PASSPHRASE}, check=0)
        old = run("summary", db=self.db)
        self.assertEqual(old.returncode, 4, old.stderr)
        after = run("export", "--format", "json", db=self.db, passphrase=NEW_PASSPHRASE,
                    check=0).stdout
        self.assertEqual(after, before)
        run("check", db=self.db, passphrase=NEW_PASSPHRASE, check=0)
        self.assertEqual(sorted(os.listdir(self.dir)), ["store.db"])

    def test_backup_restore_round_trip(self):
        self.ingest_examples()
        backup = os.path.join(self.dir, "backup.letapis")
        out = run("backup", backup, db=self.db, check=0).stdout
        self.assertIn("verified", out)
        self.assertNotEqual(run("backup", backup, db=self.db).returncode, 0)  # no overwrite
        restored = os.path.join(self.dir, "restored.db")
        run("restore", backup, "--to", restored, db=self.db, check=0)
        self.assertEqual(run("export", "--format", "json", db=restored, check=0).stdout,
                         run("export", "--format", "json", db=self.db, check=0).stdout)
        run("check", db=restored, check=0)
        # A damaged backup is refused and the store is left as it was.
        damaged = os.path.join(self.dir, "damaged.letapis")
        data = bytearray(read_bytes(backup))
        data[len(data) // 2] ^= 0x40
        with open(damaged, "wb") as f:
            f.write(data)
        before = read_bytes(self.db)
        proc = run("restore", damaged, db=self.db)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn("refusing to restore", proc.stderr)
        self.assertEqual(read_bytes(self.db), before)
        wrong = run("restore", backup, db=self.db, passphrase="wrong")
        self.assertEqual(wrong.returncode, 4, wrong.stderr)

    def test_backup_while_ingest_runs(self):
        env = dict(os.environ, LETAPIS_PASSPHRASE=PASSPHRASE, LETAPIS_DB=self.db)
        ingest = subprocess.Popen([ARGS.letapis, "ingest", self.batch], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  stdin=subprocess.DEVNULL)
        backup = os.path.join(self.dir, "during.letapis")
        proc = run("backup", backup, db=self.db)
        _, err = ingest.communicate(timeout=900)
        self.assertEqual(ingest.returncode, 0, err)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        run("check", db=backup, check=0)
        self.assertLessEqual(counts(backup)["reports"], self.clean_counts["reports"])

    def test_no_plaintext_in_store_or_backup(self):
        run("ingest", self.batch, os.path.join(ARGS.source, "examples"), db=self.db, check=0)
        backup = os.path.join(self.dir, "backup.letapis")
        run("backup", backup, db=self.db, check=0)
        phrases = [MARKER, "Marchenkova", "Dovlatbekov", "Sarnavich", "penal colony",
                   "Savitskaya", "Hrodna", "CREATE TABLE", "SQLite format 3"]
        for path in (self.db, backup):
            data = read_bytes(path)
            for phrase in phrases:
                for encoded in (phrase.encode("utf-8"), phrase.encode("utf-16-le")):
                    self.assertNotIn(encoded, data, "%s holds %r" % (path, phrase))
        self.assertEqual(sorted(os.listdir(self.dir)), ["backup.letapis", "store.db"])

    def test_audit_verify_and_log(self):
        self.ingest_examples()
        proc = run("audit", "verify", db=self.db, check=0)
        self.assertIn("intact", proc.stdout)
        words = proc.stdout.split()
        anchor = "%s:%s" % (words[words.index("row") + 1], words[-1])
        run("audit", "verify", "--expect", anchor, db=self.db, check=0)
        changed = anchor[:-1] + ("1" if anchor.endswith("0") else "0")
        wrong = run("audit", "verify", "--expect", changed, db=self.db)
        self.assertEqual(wrong.returncode, 1, wrong.stderr)
        self.assertIn("rewritten", wrong.stderr)
        bad = run("audit", "verify", "--expect", "nonsense", db=self.db)
        self.assertEqual(bad.returncode, 1, bad.stderr)
        self.assertIn("ROW:HASH", bad.stderr)
        log = run("audit", "log", "--limit", "3", db=self.db, check=0).stdout.splitlines()
        self.assertEqual(len(log), 3)
        self.assertIn("\tresolve\t", log[-1])  # people resolved after the batch
        self.assertIn("\tingest\t", log[-2])

    def test_publication_marks_are_audited(self):
        self.ingest_examples()
        run("protect", "Alena Savitskaya", db=self.db, check=0)
        self.assertEqual(run("protect", "--list", db=self.db, check=0).stdout.strip(),
                         "Alena Savitskaya")
        run("confidential", "belarus-court-hrodna.txt", db=self.db, check=0)
        missing = run("confidential", "no-such-report.txt", db=self.db)
        self.assertEqual(missing.returncode, 5, missing.stderr)
        log = run("audit", "log", "--limit", "2", db=self.db, check=0).stdout
        self.assertIn("protect", log)
        self.assertIn("mark_confidential", log)
        run("audit", "verify", db=self.db, check=0)
        # Nothing is confirmed yet (review is a later step): nothing is published.
        self.assertEqual(run("export", "--public", db=self.db, check=0).stdout, "")

    def test_help(self):
        for cmd in ["rekey", "backup", "restore", "check", "audit", "protect", "confidential"]:
            self.assertIn("Usage", run(cmd, "--help", check=0).stdout)

    def test_read_only_store_reads_and_refuses_writes_cleanly(self):
        self.ingest_examples()
        before_counts = counts(self.db)
        os.chmod(self.db, 0o644)
        os.chmod(self.dir, 0o755)
        before = read_bytes(self.db)
        os.chmod(self.db, 0o444)
        os.chmod(self.dir, 0o555)
        os.chmod(self.root, 0o755)

        def unprivileged():
            # Root ignores permission bits: run as nobody to see a read-only store.
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setgroups([])
                os.setuid(65534)

        # nobody may not reach the build or source tree: give it its own binary and data.
        binary = os.path.join(self.root, "letapis")
        data = os.path.join(self.root, "data")
        if not os.path.exists(binary):
            shutil.copy(ARGS.letapis, binary)
            shutil.copytree(os.path.join(ARGS.source, "data"), data)
        for folder, _, files in os.walk(data):
            os.chmod(folder, 0o755)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o644)
        os.chmod(binary, 0o755)
        env = {"LETAPIS_DATA_DIR": data}

        summary = run("summary", "--json", db=self.db, check=0, preexec=unprivileged,
                      binary=binary, env_extra=env)
        self.assertEqual(json.loads(summary.stdout)["counts"], before_counts)
        for args in (["ingest", self.batch], ["protect", "Someone Else"]):
            proc = run(*args, db=self.db, preexec=unprivileged, binary=binary, env_extra=env)
            self.assertEqual(proc.returncode, 1, proc.stderr)
            self.assertIn("readonly database", proc.stderr)
        rekey = run("rekey", db=self.db, preexec=unprivileged, binary=binary,
                    env_extra=dict(env, LETAPIS_NEW_PASSPHRASE=NEW_PASSPHRASE))
        self.assertNotEqual(rekey.returncode, 0)
        self.assertEqual(read_bytes(self.db), before)
        self.assertEqual(sorted(os.listdir(self.dir)), ["store.db"])
        os.chmod(self.dir, 0o700)
        os.chmod(self.db, 0o600)
        run("check", db=self.db, check=0)

    def test_full_disk_gives_clear_error_and_consistent_store(self):
        self.ingest_examples()
        examples = counts(self.db)["reports"]
        limit = os.path.getsize(self.db) + 64 * 1024

        def small_disk():
            # Writes beyond `limit` bytes fail with EFBIG (SIGXFSZ ignored), as on a full disk.
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        proc = run("ingest", self.batch, db=self.db, preexec=small_disk)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertRegex(proc.stderr, "disk I/O error|disk is full")
        self.assertLessEqual(os.path.getsize(self.db), limit)
        run("check", db=self.db, check=0)
        partial = counts(self.db)["reports"] - examples
        self.assertLess(partial, 300)
        # With space again the batch completes: nothing half-written blocks it.
        rerun = run("ingest", self.batch, db=self.db, check=0)
        self.assertIn("%d already stored" % partial, rerun.stdout)
        self.assertEqual(counts(self.db)["reports"], examples + 300)

    def test_sigkill_mid_batch(self):
        env = dict(os.environ, LETAPIS_PASSPHRASE=PASSPHRASE, LETAPIS_DB=self.db)
        ingest = subprocess.Popen([ARGS.letapis, "ingest", self.batch], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  stdin=subprocess.DEVNULL)
        # Kill once a few reports are in (the audit log grows by one row per report).
        deadline = time.time() + 600
        size = os.path.getsize(self.db)
        while time.time() < deadline and ingest.poll() is None:
            if os.path.getsize(self.db) > size + 40 * 1024:
                break
            time.sleep(0.05)
        self.assertIsNone(ingest.poll(), "ingest finished before it could be killed")
        ingest.send_signal(signal.SIGKILL)
        ingest.wait()
        run("check", db=self.db, check=0)
        killed = counts(self.db)["reports"]
        self.assertGreater(killed, 0)
        self.assertLess(killed, 300)
        rerun = run("ingest", self.batch, db=self.db, check=0)
        self.assertIn("%d already stored" % killed, rerun.stdout)
        self.assertEqual(counts(self.db), self.clean_counts)
        run("check", db=self.db, check=0)


def main():
    global ARGS
    ARGS, rest = e2e_util.parse_args()
    e2e_util.main(rest)


if __name__ == "__main__":
    main()
