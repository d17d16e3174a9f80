#!/usr/bin/env python3
"""Throughput benchmarks of letapis; writes a table to bench/RESULTS.md.

Run by `make bench` as:
  bench/run_bench.py --letapis build-bench/letapis --stages build-bench/letapis_bench

Steps (each prints as it goes; see bench/RESULTS.md for what every number means):
  stages   Google Benchmark micro-benchmarks of every extraction stage (letapis_bench)
  corpus   `letapis extract` over ../shared/corpus/bench: MB/s, documents/s, peak RSS,
           with 1 thread and with all cores (--jobs)
  memory   peak RSS at ~10 MB and ~100 MB of input (news/ replicated into a temp dir,
           each copy with a distinct first line)
  peers    compromise and wink-nlp (../shared/peers, installed with `npm ci` into the work
           folder) on the first --peer-mb MB of enwiki/, and letapis on the same files
  ingest   `letapis ingest` of --ingest-docs documents cut from the bench corpus into a
           new store: documents/s and store bytes per MB of text (--ingest-docs 100000
           builds the 100,000-document store for search benchmarks; --keep-store keeps it)
  load     `letapis serve` on a free loopback port under bench/web_load (--load-clients
           clients for --load-seconds over read pages and /api/v1 reads) while `letapis
           ingest` of --load-ingest-docs more reports runs in another process: requests/s,
           errors by status, latency p50/p95/p99/max of pages and API
  search   Store::Search latency in-process (bench/search_latency) on a store of
           --search-docs reports cut from the bench corpus (built once into --search-store
           and reused when it already holds that many): p50/p95/max per query kind

The corpus texts are read where they are and copied only into the temporary work folder
(outside the repository), never into the project.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

PASSPHRASE = "bench-only-passphrase"


def log(msg):
    print(msg, flush=True)


def run_measured(cmd, stdout=subprocess.DEVNULL, env=None, cwd=None, stdin=subprocess.DEVNULL):
    """Runs cmd; returns (wall s, cpu s of the child, peak RSS MB of the child, stderr)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=cwd,
                            stdin=stdin)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    if proc.returncode not in (0, 3):
        raise RuntimeError("%s exited %d:\n%s" % (" ".join(cmd), proc.returncode,
                                                 err.decode(errors="replace")[-2000:]))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, err.decode(
        errors="replace")


def txt_files(folder):
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".txt"))


def total_bytes(files):
    return sum(os.path.getsize(f) for f in files)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git_commit(root):
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, check=True,
                             capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=root, capture_output=True, text=True).stdout.strip()
        return rev + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# ---------------------------------------------------------------- stages

def bench_stages(args):
    if not args.stages or not os.path.exists(args.stages):
        log("stages: letapis_bench not built; skipped")
        return []
    env = dict(os.environ)
    env["LETAPIS_BENCH_CORPUS"] = args.corpus
    env["LETAPIS_NAME_VARIANTS"] = os.path.join(args.shared, "eval", "name-variants.tsv")
    cmd = [args.stages, "--benchmark_format=json", "--benchmark_min_time=%g" % args.min_time]
    log("stages: " + " ".join(cmd))
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    rows = []
    for b in json.loads(out)["benchmarks"]:
        if b.get("error_occurred"):
            log("  %s: %s" % (b["name"], b.get("error_message")))
            continue
        row = {"name": b["name"], "cpu_ms": b["cpu_time"] * {"ns": 1e-6, "us": 1e-3, "ms": 1.0,
                                                            "s": 1e3}[b["time_unit"]]}
        if "bytes_per_second" in b:
            row["mb_s"] = b["bytes_per_second"] / 1e6
        if "items_per_second" in b:
            row["items_s"] = b["items_per_second"]
        rows.append(row)
        log("  %-24s %s" % (row["name"], "%.1f MB/s" % row["mb_s"] if "mb_s" in row
                            else "%.0f items/s" % row.get("items_s", 0)))
    return rows


# ---------------------------------------------------------------- corpus

def extract_run(args, inputs, jobs):
    cmd = [args.letapis, "extract", "--format", "eval", "--jobs", str(jobs)] + inputs
    return run_measured(cmd)


def bench_corpus(args, files):
    size = total_bytes(files)
    rows = []
    for jobs in sorted({1, args.cores}):
        # The fastest of --repeat runs: on a shared machine the others measure the load.
        runs = [extract_run(args, [os.path.join(args.corpus, d) for d in ("enwiki", "news")],
                            jobs) for _ in range(args.repeat)]
        wall, cpu, rss, _ = min(runs, key=lambda r: r[0])
        row = {"threads": jobs, "files": len(files), "mb": size / 1e6, "wall": wall, "cpu": cpu,
               "mb_s": size / 1e6 / wall, "mb_s_cpu": size / 1e6 / cpu,
               "docs_s": len(files) / wall, "rss": rss}
        rows.append(row)
        log("corpus: %d thread(s): %.1f MB in %.2f s wall (%.2f s CPU): %.1f MB/s, %.0f docs/s, "
            "%.1f MB/s per CPU second, peak RSS %.1f MB" % (jobs, row["mb"], wall, cpu, row["mb_s"],
                                                           row["docs_s"], row["mb_s_cpu"], rss))
    return rows


def replicate(src_files, target_bytes, folder):
    """Copies of src_files, each with a distinct first line, until target_bytes."""
    os.makedirs(folder, exist_ok=True)
    used, copy, count = 0, 0, 0
    while used < target_bytes:
        for f in src_files:
            with open(f, "rb") as fh:
                data = fh.read()
            head = ("Bench copy %d of %s.\n" % (copy, os.path.basename(f))).encode()
            name = os.path.join(folder, "c%03d-%s" % (copy, os.path.basename(f)))
            with open(name, "wb") as out:
                out.write(head + data)
            used += len(head) + len(data)
            count += 1
            if used >= target_bytes:
                break
        copy += 1
    return count, used


def bench_memory(args, news_files):
    rows = []
    for target_mb in (10, 100):
        folder = os.path.join(args.work, "scaled-%d" % target_mb)
        shutil.rmtree(folder, ignore_errors=True)
        count, size = replicate(news_files, target_mb * 1e6, folder)
        wall, cpu, rss, _ = extract_run(args, [folder], 1)
        rows.append({"target": target_mb, "files": count, "mb": size / 1e6, "wall": wall,
                     "cpu": cpu, "mb_s": size / 1e6 / wall, "mb_s_cpu": size / 1e6 / cpu,
                     "rss": rss})
        log("memory: %.1f MB (%d files), 1 thread: %.2f s wall, %.1f MB/s, peak RSS %.1f MB"
            % (size / 1e6, count, wall, size / 1e6 / wall, rss))
        shutil.rmtree(folder, ignore_errors=True)
    return rows


# ---------------------------------------------------------------- peers

def peer_subset(enwiki, max_mb):
    """The first files of enwiki/ up to max_mb (as extract.js --max-mb takes them)."""
    chosen, used = [], 0
    for f in txt_files(enwiki):
        b = os.path.getsize(f)
        if chosen and used + b > max_mb * 1e6:
            break
        chosen.append(f)
        used += b
    return chosen, used


def bench_peers(args):
    if shutil.which("node") is None or shutil.which("npm") is None:
        log("peers: node/npm not found; skipped")
        return None
    peers = os.path.join(args.work_persistent, "peers")
    if not os.path.exists(os.path.join(peers, "node_modules")):
        shutil.rmtree(peers, ignore_errors=True)
        shutil.copytree(os.path.join(args.shared, "peers"), peers)
        for dirpath, _, names in os.walk(peers):
            for n in names:
                os.chmod(os.path.join(dirpath, n), 0o644)
        log("peers: npm ci in %s" % peers)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=peers, check=True,
                       stdout=subprocess.DEVNULL)
    enwiki = os.path.join(args.corpus, "enwiki")
    result = {"libs": {}}
    for lib, max_mb in (("wink", args.wink_mb), ("compromise", args.peer_mb)):
        files, size = peer_subset(enwiki, max_mb)
        out = os.path.join(args.work, "%s.jsonl" % lib)
        cmd = ["node", os.path.join(peers, "extract.js"), "--lib", lib, "--max-mb",
               "%g" % max_mb, enwiki, out]
        log("peers: " + " ".join(cmd) + " (fastest of %d runs)" % args.peer_repeat)
        runs = []
        for _ in range(args.peer_repeat):
            wall, cpu, rss, err = run_measured(cmd)
            stats = dict(kv.split("=", 1) for line in err.splitlines()
                         if line.startswith("files=") for kv in line.split())
            runs.append((float(stats["seconds"]), wall, cpu, rss, err, stats))
        _, wall, cpu, rss, err, stats = min(runs, key=lambda r: r[0])
        if int(stats["files"]) != len(files):
            raise RuntimeError("%s read %s files, expected %d" % (lib, stats["files"], len(files)))
        peer = {"loop_s": float(stats["seconds"]), "mb_s": float(stats["MB/s"]),
                "docs_s": float(stats["docs/s"]), "wall": wall, "rss": float(stats["peak_rss_MB"]),
                "version": err.splitlines()[0], "files": len(files), "mb": size / 1e6,
                "max_mb": max_mb}
        log("  %s: %.3f MB/s (extraction loop), process %.1f s wall" % (lib, peer["mb_s"], wall))
        wall, cpu, rss, _ = min((extract_run(args, files, 1) for _ in range(args.repeat)),
                                key=lambda r: r[0])
        peer["letapis"] = {"wall": wall, "mb_s": size / 1e6 / wall, "docs_s": len(files) / wall,
                           "rss": rss}
        log("  letapis on the same files (1 thread, whole process): %.2f MB/s"
            % peer["letapis"]["mb_s"])
        result["libs"][lib] = peer
    return result


# ---------------------------------------------------------------- ingest

def ingest_documents(corpus, count, folder, max_doc_bytes=3000, skip=0):
    """Writes `count` JSONL reports cut from the corpus (paragraph-aligned pieces of at most
    max_doc_bytes), repeating the pieces with a distinct first line per round so that no
    two reports are identical; the first `skip` reports of that sequence are left out. Files
    stay under 30 MB (the reader's limit is 32 MiB)."""
    pieces = []
    for sub in ("news", "enwiki"):
        for f in txt_files(os.path.join(corpus, sub)):
            with open(f, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
            cur = ""
            for para in text.split("\n\n"):
                if cur and len(cur) + len(para) + 2 > max_doc_bytes:
                    pieces.append(cur)
                    cur = ""
                cur = cur + "\n\n" + para if cur else para
            if cur.strip():
                pieces.append(cur)
    os.makedirs(folder, exist_ok=True)
    written, size, part, out, out_bytes = 0, 0, 0, None, 0
    round_no = 0
    while written < count:
        for i, piece in enumerate(pieces):
            if written >= count:
                break
            if skip > 0:
                skip -= 1
                continue
            if out is None or out_bytes > 30e6:
                if out:
                    out.close()
                out = open(os.path.join(folder, "feed-%04d.jsonl" % part), "w", encoding="utf-8")
                part += 1
                out_bytes = 0
            text = "Bench report %d-%d.\n%s" % (round_no, i, piece)
            line = json.dumps({"text": text, "title": "bench %d-%d" % (round_no, i)},
                              ensure_ascii=False) + "\n"
            out.write(line)
            out_bytes += len(line.encode())
            size += len(text.encode())
            written += 1
        round_no += 1
    if out:
        out.close()
    return written, size


def bench_ingest(args):
    folder = os.path.join(args.work, "ingest-feed")
    count, size = ingest_documents(args.corpus, args.ingest_docs, folder)
    db = args.keep_store or os.path.join(args.work, "ingest.db")
    if os.path.exists(db):
        os.remove(db)
    env = dict(os.environ)
    env["LETAPIS_PASSPHRASE"] = PASSPHRASE
    env["LETAPIS_DB"] = db
    subprocess.run([args.letapis, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    wall, cpu, rss, err = run_measured([args.letapis, "ingest", folder], env=env)
    store = os.path.getsize(db)
    row = {"docs": count, "mb": size / 1e6, "wall": wall, "docs_s": count / wall,
           "mb_s": size / 1e6 / wall, "store_mb": store / 1e6, "store_per_mb": store / size,
           "rss": rss, "db": db if args.keep_store else None}
    log("ingest: %d reports, %.1f MB of text in %.1f s: %.0f reports/s, %.2f MB/s, store %.1f MB "
        "(%.2f MB per MB of text), peak RSS %.1f MB" % (count, size / 1e6, wall, row["docs_s"],
                                                       row["mb_s"], store / 1e6,
                                                       row["store_per_mb"], rss))
    shutil.rmtree(folder, ignore_errors=True)
    return row


# ---------------------------------------------------------------- load

LOAD_USER = "bench-viewer"
LOAD_PASSWORD = "bench-only-password"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api_get(base, token, path):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=30) as res:
        return json.loads(res.read())


def load_paths(base, token):
    """The read pages and API calls of the load test, with ids taken from the store."""
    report = api_get(base, token, "/api/v1/reports?limit=1")["items"][0]["id"]
    person = api_get(base, token, "/api/v1/people?limit=1")["items"][0]["id"]
    event = api_get(base, token, "/api/v1/events?limit=1")["items"][0]["id"]
    pages = ["/reports", "/reports/%d" % report, "/events", "/events?type=arrest",
             "/events?from=2020-01-01&to=2026-12-31",
             "/search?q=court", "/search?q=government+minister", "/facts/event/%d" % event]
    api = ["/api/v1/me", "/api/v1/reports?limit=20", "/api/v1/reports/%d" % report,
           "/api/v1/events?limit=50", "/api/v1/events?type=arrest", "/api/v1/claims",
           "/api/v1/quotes",
           "/api/v1/search?q=police", "/api/v1/search?q=elect*"]
    # Pages that go through every stored report or every person and mention (figures,
    # timelines, people lists): their time grows with the store; measured as a second mix.
    whole_pages = ["/", "/stats", "/people", "/people?q=an", "/people/view?id=%d" % person]
    whole_api = ["/api/v1/stats?category=political_prisoners", "/api/v1/people?limit=50",
                 "/api/v1/people/%d" % person]
    return [("page-sized reads", pages, api),
            ("with whole-store pages", pages + whole_pages, api + whole_api)]


def bench_load(args):
    """Serves a store under web_load while an ingest of more reports runs beside it."""
    db = os.path.join(args.work, "load.db")
    env = dict(os.environ, LETAPIS_PASSPHRASE=PASSPHRASE, LETAPIS_DB=db)
    first = os.path.join(args.work, "load-first")
    more = os.path.join(args.work, "load-more")
    ingest_documents(args.corpus, args.load_base_docs, first)
    count, size = ingest_documents(args.corpus, args.load_ingest_docs, more,
                                   skip=args.load_base_docs)
    subprocess.run([args.letapis, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    run_measured([args.letapis, "ingest", os.path.join(args.root, "examples"), first], env=env)
    subprocess.run([args.letapis, "user", "add", LOAD_USER, "--role", "viewer",
                    "--password-stdin"], env=env, check=True, input=LOAD_PASSWORD + "\n",
                   text=True, stdout=subprocess.DEVNULL)
    token = subprocess.run([args.letapis, "token", "create", LOAD_USER, "--label", "bench"],
                           env=env, check=True, capture_output=True, text=True).stdout.strip()
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    server_log = open(os.path.join(args.work, "serve.log"), "w")
    server = subprocess.Popen([args.letapis, "serve", "--listen", "127.0.0.1:%d" % port],
                              env=env, stdout=server_log, stderr=subprocess.STDOUT)
    ingest = None
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/login", timeout=5).read()
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise RuntimeError("letapis serve did not start (see %s)" % server_log.name)
                time.sleep(0.2)
        mixes = load_paths(base, token)
        ingest_err = open(os.path.join(args.work, "ingest.log"), "w")
        ingest_start = time.monotonic()
        ingest = subprocess.Popen([args.letapis, "ingest", more], env=env,
                                  stdout=subprocess.DEVNULL, stderr=ingest_err)
        time.sleep(1)  # let the ingest start writing before the first request
        load_env = dict(os.environ, BENCH_LOAD_PASSWORD=LOAD_PASSWORD, BENCH_LOAD_TOKEN=token)
        runs = []
        for name, pages, api in mixes:
            cmd = [args.web_load, "--base", base, "--user", LOAD_USER, "--password-env",
                   "BENCH_LOAD_PASSWORD", "--token-env", "BENCH_LOAD_TOKEN", "--clients",
                   str(args.load_clients), "--seconds", str(args.load_seconds),
                   "--max-requests", str(args.load_max_requests), "--json"]
            for p in pages:
                cmd += ["--page", p]
            for p in api:
                cmd += ["--api", p]
            client = subprocess.run(cmd, env=load_env, capture_output=True, text=True,
                                    timeout=args.load_seconds + 600)
            if client.returncode not in (0, 1) or not client.stdout.strip():
                raise RuntimeError("web_load exited %d:\n%s" % (client.returncode,
                                                                client.stderr))
            runs.append(dict(json.loads(client.stdout), mix=name))
        load_end = time.monotonic()
        ingest_running_at_end = ingest.poll() is None
        ingest_rc = ingest.wait(timeout=3600)
        ingest_wall = time.monotonic() - ingest_start
        ingest = None
        result = {"runs": runs, "errors": sum(r["errors"] for r in runs)}
    finally:
        if ingest is not None:
            ingest.kill()
            ingest.wait()
        server.terminate()
        server.wait(timeout=60)
        server_log.close()
    with open(os.path.join(args.work, "ingest.log")) as f:
        ingest_log = f.read()
    result.update({"ingest_docs": count, "ingest_mb": size / 1e6, "ingest_rc": ingest_rc,
                   "ingest_wall": ingest_wall, "ingest_overlap": ingest_running_at_end,
                   "load_wall": load_end - ingest_start, "base_docs": args.load_base_docs})
    for run in runs:
        log("load (%s): %d requests in %.1f s from %d clients: %.1f requests/s, %d errors %s" % (
            run["mix"], run["requests"], run["seconds"], run["clients"], run["requests_per_s"],
            run["errors"], json.dumps(run["by_status"])))
        for g in run["groups"]:
            log("  %-6s p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  (%d ok, %d errors)"
                % (g["name"], g["p50_ms"], g["p95_ms"], g["p99_ms"], g["max_ms"], g["ok"],
                   g["errors"]))
        for e in run["first_errors"]:
            log("  error: %s" % e)
    log("  ingest of %d reports beside it: exit %d after %.1f s (%s the load)" % (
        count, ingest_rc, ingest_wall, "outlasted" if ingest_running_at_end else "ended before"))
    if ingest_rc != 0:
        log("  ingest stderr: %s" % ingest_log[-2000:])
    return result


# ---------------------------------------------------------------- search

def store_reports(args, db):
    """How many reports the store at db holds (0 when it cannot be read)."""
    env = dict(os.environ, LETAPIS_PASSPHRASE=PASSPHRASE)
    out = subprocess.run([args.search_latency, db, "--repeat", "1", "--query", "count=count",
                          "--json"], env=env, capture_output=True, text=True)
    try:
        return int(json.loads(out.stdout)["reports"])
    except (ValueError, KeyError, TypeError):
        return 0


def bench_search(args):
    db = args.search_store or os.path.join(args.work, "search.db")
    built = None
    have = store_reports(args, db) if os.path.exists(db) else 0
    if have < args.search_docs:
        if os.path.exists(db):
            os.remove(db)
        folder = os.path.join(args.work, "search-feed")
        count, size = ingest_documents(args.corpus, args.search_docs, folder)
        env = dict(os.environ, LETAPIS_PASSPHRASE=PASSPHRASE, LETAPIS_DB=db)
        subprocess.run([args.letapis, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
        log("search: building a store of %d reports in %s" % (count, db))
        wall, _, _, _ = run_measured([args.letapis, "ingest", folder], env=env)
        shutil.rmtree(folder, ignore_errors=True)
        built = wall
        have = store_reports(args, db)
    env = dict(os.environ, LETAPIS_PASSPHRASE=PASSPHRASE)
    out = subprocess.run([args.search_latency, db, "--repeat", str(args.search_repeat), "--json"],
                         env=env, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    result["built_s"] = built
    result["store_mb"] = os.path.getsize(db) / 1e6
    log("search over %d reports (store %.0f MB): p50 %.1f ms, p95 %.1f ms, max %.1f ms" % (
        result["reports"], result["store_mb"], result["p50_ms"], result["p95_ms"],
        result["max_ms"]))
    for q in result["queries"]:
        log("  %-14s %-18s %7d matches  p50 %.1f ms  p95 %.1f ms  max %.1f ms" % (
            q["kind"], q["query"], q["matches"], q["p50_ms"], q["p95_ms"], q["max_ms"]))
    return result


# ---------------------------------------------------------------- report

def fmt_num(v, digits=1):
    return ("{:,.%df}" % digits).format(v)


def targets(corpus, memory, peers):
    """The bars of the throughput issue, checked against this run (report only)."""
    rows = []
    if corpus:
        one = corpus[0]
        rows.append(("1 thread >= 20 MB/s", "%.1f MB/s wall, %.1f MB per CPU s" % (
            one["mb_s"], one["mb_s_cpu"])))
        if len(corpus) == 2:
            rows.append(("2 threads >= 1.8x one thread", "%.2fx (wall)" % (
                corpus[0]["wall"] / corpus[1]["wall"])))
    if len(memory) == 2:
        rows.append(("memory flat from 10 MB to 100 MB", "%.1f MB -> %.1f MB peak RSS" % (
            memory[0]["rss"], memory[1]["rss"])))
    if peers:
        for lib, bar in (("wink", 10), ("compromise", 50)):
            if lib in peers["libs"]:
                p = peers["libs"][lib]
                rows.append(("letapis >= %dx %s" % (bar, lib), "%.1fx" % (
                    p["letapis"]["mb_s"] / p["mb_s"])))
    if not rows:
        return []
    return ["## Against the targets of the throughput issue", "",
            "| target | this run |", "|---|---|"] + ["| %s | %s |" % r for r in rows] + [
            "", "On a shared machine wall-clock figures depend on the load (see the load "
            "average above); MB per CPU second is the steadier single-thread figure.", ""]


def earlier_sections(path, info, new_lines):
    """The `## ` sections of the results file at path that this run did not write (a run
    with --only keeps the others), each marked with the run it comes from."""
    if not os.path.exists(path):
        return []
    with open(path) as f:
        old = f.read().split("\n")
    when = next((l for l in old if l.startswith("| date (UTC) |")), "").strip("| ")
    commit = next((l for l in old if l.startswith("| commit |")), "").strip("| ")
    written = {l for l in new_lines if l.startswith("## ")}
    sections, cur = [], None
    for line in old:
        if line.startswith("## "):
            cur = [line]
            sections.append(cur)
        elif cur is not None:
            cur.append(line)
    out = []
    for sec in sections:
        base = sec[0].split(" (from the run of ")[0]
        if base in written or base == "## What the numbers mean" or any(
                "Not measured by this script" in l for l in sec):
            continue
        title = sec[0] if base != sec[0] else "%s (from the run of %s, %s)" % (
            sec[0], when.replace("date (UTC) | ", ""), commit.replace("commit | ", "commit "))
        out += [title] + sec[1:]
    return out


def write_results(args, info, stages, corpus, memory, peers, ingest, load, search):
    lines = ["# Benchmark results", "",
             "Written by `make bench` (bench/run_bench.py); see the end of this file for what "
             "each number means.", "",
             "| | |", "|---|---|",
             "| date (UTC) | %s |" % info["date"],
             "| commit | %s |" % info["commit"],
             "| machine | %s, %d cores (nproc), %s |" % (info["cpu"], info["cores"],
                                                        info["os"]),
             "| load average at start | %s |" % info["load"], ""]
    if corpus:
        lines += ["## letapis extract over ../shared/corpus/bench", "",
                  "| threads | files | MB | wall s | CPU s | MB/s | docs/s | MB per CPU s | "
                  "peak RSS MB |", "|---|---|---|---|---|---|---|---|---|"]
        for r in corpus:
            lines.append("| %d | %d | %s | %.2f | %.2f | **%s** | %s | %s | %.1f |" % (
                r["threads"], r["files"], fmt_num(r["mb"]), r["wall"], r["cpu"],
                fmt_num(r["mb_s"]), fmt_num(r["docs_s"], 0), fmt_num(r["mb_s_cpu"]), r["rss"]))
        if len(corpus) == 2:
            lines += ["", "Speed-up of %d threads over 1: **%.2fx** (wall time)." % (
                corpus[1]["threads"], corpus[0]["wall"] / corpus[1]["wall"])]
        lines.append("")
    if memory:
        lines += ["## Memory as the input grows (1 thread)", "",
                  "| input | files | MB/s | peak RSS MB |", "|---|---|---|---|"]
        for r in memory:
            lines.append("| %s MB | %d | %s | %.1f |" % (fmt_num(r["mb"]), r["files"],
                                                          fmt_num(r["mb_s"]), r["rss"]))
        lines.append("")
    if peers:
        lines += ["## Next to compromise and wink-nlp (1 thread, same files)", "",
                  "Each peer runs on the first files of enwiki/ as `extract.js --max-mb N` "
                  "takes them, and letapis on the same files; each system's fastest of %d "
                  "runs (a peer's extraction loop, letapis's whole process)." % args.peer_repeat,
                  "",
                  "| input | system | MB/s | docs/s | peak RSS MB | letapis / system |",
                  "|---|---|---|---|---|---|"]
        for lib, p in peers["libs"].items():
            lt = p["letapis"]
            subset = "%d files, %s MB (`--max-mb %g`)" % (p["files"], fmt_num(p["mb"], 2),
                                                          p["max_mb"])
            lines.append("| %s | %s (extraction loop) | %s | %s | %.0f | **%.1fx** |" % (
                subset, p["version"], fmt_num(p["mb_s"], 3), fmt_num(p["docs_s"], 1), p["rss"],
                lt["mb_s"] / p["mb_s"]))
            lines.append("| %s | letapis (whole process) | %s | %s | %.1f | 1 |" % (
                subset, fmt_num(lt["mb_s"], 2), fmt_num(lt["docs_s"], 0), lt["rss"]))
        lines.append("")
    if ingest:
        lines += ["## Ingest into a store", "",
                  "| reports | MB of text | wall s | reports/s | MB/s | store MB | "
                  "store MB per MB of text |", "|---|---|---|---|---|---|---|",
                  "| %s | %s | %.1f | %s | %s | %s | %.2f |" % (
                      fmt_num(ingest["docs"], 0), fmt_num(ingest["mb"]), ingest["wall"],
                      fmt_num(ingest["docs_s"], 0), fmt_num(ingest["mb_s"], 2),
                      fmt_num(ingest["store_mb"]), ingest["store_per_mb"]), ""]
    if load:
        lines += ["## Web server under load while an ingest runs", "",
                  "`letapis serve` on loopback, a store of the examples and %d bench reports, "
                  "while `letapis ingest` of %s more reports (%s MB) ran in another process "
                  "(exit %d after %.0f s; it %s the load). Two mixes one after the other, %d "
                  "clients of bench/web_load each: page-sized reads (reports, a report, events "
                  "with filters, search, a fact; the same through /api/v1), then the same with "
                  "the pages that go through every stored report or person (dashboard, "
                  "statistics, people, a dossier)." % (
                      load["base_docs"], fmt_num(load["ingest_docs"], 0),
                      fmt_num(load["ingest_mb"]), load["ingest_rc"], load["ingest_wall"],
                      "outlasted" if load["ingest_overlap"] else "ended before the end of",
                      load["runs"][0]["clients"]), "",
                  "| mix | requests | seconds | requests/s | errors | answers by status |",
                  "|---|---|---|---|---|---|"]
        for run in load["runs"]:
            lines.append("| %s | %s | %.1f | %s | **%d** | %s |" % (
                run["mix"], fmt_num(run["requests"], 0), run["seconds"],
                fmt_num(run["requests_per_s"]), run["errors"],
                ", ".join("%s: %s" % (k if k != "0" else "no answer", fmt_num(v, 0))
                          for k, v in run["by_status"].items())))
        for run in load["runs"]:
            lines += ["", "Latency, %s:" % run["mix"], "",
                      "| group / path | answered | errors | p50 ms | p95 ms | p99 ms | max ms |",
                      "|---|---|---|---|---|---|---|"]
            for r in run["groups"] + run["paths"]:
                name = "**%s**" % r["name"] if r in run["groups"] else "`%s`" % r["name"]
                lines.append("| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |" % (
                    name, fmt_num(r["ok"], 0), r["errors"], r["p50_ms"], r["p95_ms"],
                    r["p99_ms"], r["max_ms"]))
            lines += [""] + ["Error: `%s`" % e for e in run["first_errors"]]
        lines.append("")
    if search:
        lines += ["## Search latency", "",
                  "Store::Search in-process (bench/search_latency: count, BM25 ranking and the "
                  "snippets of a page of %d) on a store of **%s reports** (%s MB), %d searches "
                  "per query after a warm-up round%s." % (
                      search["limit"], fmt_num(search["reports"], 0),
                      fmt_num(search["store_mb"], 0),
                      search["repeat"], "" if search["built_s"] is None else
                      "; building the store took %.0f s" % search["built_s"]), "",
                  "| query kind | query | matching reports | p50 ms | p95 ms | max ms |",
                  "|---|---|---|---|---|---|"]
        for q in search["queries"]:
            lines.append("| %s | `%s` | %s | %.1f | %.1f | %.1f |" % (
                q["kind"], q["query"], fmt_num(q["matches"], 0), q["p50_ms"], q["p95_ms"],
                q["max_ms"]))
        lines += ["| **all** | | | **%.1f** | **%.1f** | %.1f |" % (
            search["p50_ms"], search["p95_ms"], search["max_ms"]), ""]
    lines += targets(corpus, memory, peers)
    if stages:
        lines += ["## Stages (Google Benchmark, CPU time, 1 thread)", "",
                  "Each stage over a sample of the bench corpus (half news/, half enwiki/; "
                  "MB/s of input text).", "", "| benchmark | CPU ms per pass | MB/s | items/s |",
                  "|---|---|---|---|"]
        for r in stages:
            lines.append("| %s | %s | %s | %s |" % (
                r["name"], fmt_num(r["cpu_ms"], 3),
                fmt_num(r["mb_s"]) if "mb_s" in r else "",
                fmt_num(r["items_s"], 0) if "items_s" in r else ""))
        lines.append("")
    lines += earlier_sections(args.out, info, lines)
    with open(os.path.join(args.root, "bench", "RESULTS.template.md")) as f:
        lines.append(f.read().rstrip() + "\n")
    with open(args.out, "w") as f:
        f.write("\n".join(lines))
    log("wrote %s" % args.out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letapis", default=os.path.join(root, "build-bench", "letapis"))
    parser.add_argument("--stages", default=os.path.join(root, "build-bench", "letapis_bench"))
    parser.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    parser.add_argument("--out", default=os.path.join(root, "bench", "RESULTS.md"))
    parser.add_argument("--work-persistent", default=os.path.join(root, "build-bench"),
                        help="where the peers are installed (kept between runs)")
    parser.add_argument("--peer-mb", type=float, default=2,
                        help="MB of enwiki/ for compromise (it runs at ~0.05 MB/s)")
    parser.add_argument("--wink-mb", type=float, default=20, help="MB of enwiki/ for wink-nlp")
    parser.add_argument("--peer-repeat", type=int, default=3,
                        help="runs of each peer; the fastest extraction loop is reported, as "
                             "letapis reports its fastest of --repeat runs")
    parser.add_argument("--ingest-docs", type=int, default=2000)
    parser.add_argument("--keep-store", default="",
                        help="build the ingest store at this path and keep it")
    parser.add_argument("--repeat", type=int, default=3,
                        help="corpus runs per thread count; the fastest is reported")
    parser.add_argument("--min-time", type=float, default=0.5,
                        help="Google Benchmark --benchmark_min_time per stage (s)")
    parser.add_argument("--web-load", default=os.path.join(root, "build-bench", "web_load"))
    parser.add_argument("--search-latency",
                        default=os.path.join(root, "build-bench", "search_latency"))
    parser.add_argument("--load-base-docs", type=int, default=300,
                        help="bench reports in the served store before the load starts")
    parser.add_argument("--load-ingest-docs", type=int, default=4000,
                        help="bench reports ingested in another process during the load")
    parser.add_argument("--load-clients", type=int, default=8)
    parser.add_argument("--load-seconds", type=float, default=20,
                        help="seconds of each of the two mixes")
    parser.add_argument("--load-max-requests", type=int, default=200000)
    parser.add_argument("--search-docs", type=int, default=20000,
                        help="reports in the search store (100000 for the issue's figure)")
    parser.add_argument("--search-store", default="",
                        help="keep the search store here and reuse it on later runs")
    parser.add_argument("--search-repeat", type=int, default=50,
                        help="searches per query kind")
    parser.add_argument("--only", default="stages,corpus,memory,peers,ingest,load",
                        help="comma-separated steps to run")
    args = parser.parse_args()
    args.root = root
    args.corpus = os.path.join(args.shared, "corpus", "bench")
    args.cores = os.cpu_count() or 1
    steps = set(args.only.split(","))
    needed = [args.letapis] + ([args.web_load] if "load" in steps else []) + (
        [args.search_latency] if "search" in steps else [])
    for f in needed:
        if not os.path.exists(f):
            sys.exit("run_bench: %s not found (make bench builds it)" % f)
    if not os.path.isdir(args.corpus):
        sys.exit("run_bench: %s not found" % args.corpus)

    info = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"),
            "commit": git_commit(root), "cpu": cpu_model(), "cores": args.cores,
            "os": platform.platform(terse=True),
            "load": " ".join("%.2f" % v for v in os.getloadavg())}
    log("machine: %s, %d cores; load %s" % (info["cpu"], info["cores"], info["load"]))
    files = txt_files(os.path.join(args.corpus, "enwiki")) + txt_files(
        os.path.join(args.corpus, "news"))
    with tempfile.TemporaryDirectory(prefix="letapis-bench-") as work:
        args.work = work
        stages = bench_stages(args) if "stages" in steps else []
        corpus = bench_corpus(args, files) if "corpus" in steps else []
        memory = bench_memory(args, txt_files(os.path.join(args.corpus, "news"))) \
            if "memory" in steps else []
        peers = bench_peers(args) if "peers" in steps else None
        ingest = bench_ingest(args) if "ingest" in steps else None
        load = bench_load(args) if "load" in steps else None
        search = bench_search(args) if "search" in steps else None
    write_results(args, info, stages, corpus, memory, peers, ingest, load, search)
    if load and (load["errors"] or load["ingest_rc"] != 0):
        sys.exit("run_bench: the load test had %d failed requests; the ingest beside it exited %d"
                 % (load["errors"], load["ingest_rc"]))


if __name__ == "__main__":
    main()
