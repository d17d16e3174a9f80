"""Helpers shared by the end-to-end scripts in tests/e2e: their command line, running the
letapis binary, and temporary stores.

Every script is run by ctest as: SCRIPT --letapis PATH --source SOURCE_DIR [unittest args]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

# The parsed command line (letapis, source), set by parse_args().
ARGS = None


def parse_args():
    """Parses --letapis and --source; returns them and the arguments left for unittest."""
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--letapis", required=True)
    parser.add_argument("--source", required=True)
    ARGS, rest = parser.parse_known_args()
    return ARGS, rest


def main(rest, verbosity=2):
    """Runs the calling script's tests with the unittest arguments left by parse_args()."""
    unittest.main(module="__main__", argv=[sys.argv[0]] + rest, verbosity=verbosity)


def run_letapis(*args, passphrase, db=None, check=None, stdin=None, env_extra=None,
                preexec=None, binary=None, timeout=600):
    """Runs letapis with `args` (the store `db` and its `passphrase` in the environment,
    plus `env_extra`), feeding it `stdin` (nothing when None). With `check`, an exit code
    other than it fails with the command's output."""
    env = dict(os.environ)
    env["LETAPIS_PASSPHRASE"] = passphrase
    if db:
        env["LETAPIS_DB"] = db
    env.update(env_extra or {})
    feed = {"stdin": subprocess.DEVNULL} if stdin is None else {"input": stdin}
    proc = subprocess.run([binary or ARGS.letapis, *args], env=env, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=preexec, **feed)
    if check is not None and proc.returncode != check:
        raise AssertionError("letapis %s exited %d (wanted %d)\nstdout:\n%s\nstderr:\n%s"
                             % (" ".join(args), proc.returncode, check, proc.stdout, proc.stderr))
    return proc


def shared_path(*parts):
    """A path inside the shared evaluation kit beside the source tree."""
    return os.path.join(ARGS.source, "..", "shared", *parts)


def temp_store(run, prefix, parent=None):
    """A new directory (inside `parent` when given) holding a store `store.db` made with
    `run("init", db=...)`; returns (directory, store path)."""
    folder = tempfile.mkdtemp(prefix=prefix, dir=parent)
    db = os.path.join(folder, "store.db")
    run("init", db=db, check=0)
    return folder, db


def remove_tree(folder):
    """Removes a temporary directory, unless KEEP is set in the environment (to look at
    what a failing test left)."""
    if not os.environ.get("KEEP"):
        shutil.rmtree(folder)


def server_routes(run, *extra):
    """Every route of `letapis serve --print-routes` (with `extra` options, e.g. --public)
    as (method, pattern, access, least role rank); `run` runs letapis."""
    out = []
    for line in run("serve", "--print-routes", *extra).stdout.splitlines():
        method, pattern, access, rank = line.split("\t")
        out.append((method, pattern, access, int(rank)))
    return out


def concrete_path(pattern):
    """A path matching the route pattern (ids become 1, a fact kind becomes event)."""
    path = pattern.replace("\\.", ".")
    path = re.sub(r"\((event\|claim\|quote)\)", "event", path)
    path = re.sub(r"\(\[0-9\]\{1,15\}\)", "1", path)
    assert re.fullmatch(pattern, path), (pattern, path)
    return path
