#!/usr/bin/env python3
"""Oracle tool for the Tangle derivation corpus (tests/drv/).

Every case is a `.nix` file; its name says what is run and expected:

  inst-okay-NAME.nix  `nix-instantiate NAME.nix` succeeds:
                        NAME.exp   its stdout (the printed .drv paths)
                        NAME.drvs  every text store object the evaluation
                                   wrote (each .drv file and each toFile
                                   text), byte for byte (format below)
  inst-fail-NAME.nix  `nix-instantiate NAME.nix` fails: NAME.err
  eval-okay-NAME.nix  `nix-instantiate --eval --strict NAME.nix`: NAME.exp
  eval-fail-NAME.nix  the same, failing: NAME.err

Directives, on `#` lines at the top of a case:

  # args: -A foo --argstr x y   extra flags (for eval-* cases they replace
                                the default `--strict`)
  # oracle-skip: REASON         C++ Nix 2.8 is not the judge for this case;
                                the expected files were written by hand
                                from the Nix manual (the reason cites it)

The absolute path of tests/drv becomes @DIR@ in .exp and .err files. An
.err file holds the first paragraph of the error output: from the first
line starting with `error:` up to the first empty line.

The .drvs manifest lists, sorted by base name, each store object as a
header line `BASENAME LENGTH` followed by exactly LENGTH bytes of contents
and a newline.  A .drv file never contains a raw newline (ATerm escapes
it), so a manifest reads like one header line and one Derive(...) line per
derivation.

Type errors are judged in current Nix's wording, translated from 2.8's
with the language corpus' rules (see tests/oracle/oracle.py's header: Nix
2.20's release notes, "Type errors include the failing value"): the text
up to the value is compared exactly, the value itself is not (2.8 cannot
judge it), and every other line of the paragraph is compared exactly.

Each run of nix-instantiate gets a private, empty store (`--store DIR`: the
paths are still /nix/store/..., the files live under DIR), so the objects
it holds afterwards are exactly what that one evaluation wrote, and nothing
in the real /nix/store is touched. The objects named in the manifest are
the store paths whose content address is `text:` (derivations and toFile
texts; copied sources are `fixed:`), read from the private store's
database.

Usage:
  drv_oracle.py gen [CASE.nix ...]  write expected files with nix-instantiate
                                    (default: every case without one)
  drv_oracle.py check               re-run every unmarked case and fail on
                                    any disagreement with its expected files
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle as lang_oracle  # noqa: E402  (the language corpus' helpers)

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "drv"))
KINDS = ("inst-okay-", "inst-fail-", "eval-okay-", "eval-fail-")
# The private stores are thrown away, so syncing them to disk is wasted time.
NIX_OPTIONS = ["--option", "fsync-metadata", "false"]


def directives(path):
    # The same directives as the language corpus; no default flags.
    return lang_oracle.directives(path, default_args=None)


def kind(case):
    name = os.path.basename(case)
    for k in KINDS:
        if name.startswith(k):
            return k[:-1]
    return None


error_paragraph = lang_oracle.error_paragraph


def read_manifest(data):
    """bytes of a .drvs file -> {basename: bytes}"""
    out = {}
    pos = 0
    while pos < len(data):
        nl = data.index(b"\n", pos)
        name, length = data[pos:nl].decode("utf-8").rsplit(" ", 1)
        start = nl + 1
        end = start + int(length)
        out[name] = data[start:end]
        if data[end:end + 1] != b"\n":
            raise ValueError("manifest entry %s not followed by a newline" % name)
        pos = end + 1
    return out


def write_manifest(objects):
    out = bytearray()
    for name in sorted(objects):
        body = objects[name]
        out += ("%s %d\n" % (name, len(body))).encode("utf-8")
        out += body
        out += b"\n"
    return bytes(out)


def text_objects(root):
    """The text-addressed objects of the private store under `root`."""
    db = os.path.join(root, "nix", "var", "nix", "db", "db.sqlite")
    if not os.path.exists(db):
        return {}
    conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        rows = conn.execute("SELECT path, ca FROM ValidPaths").fetchall()
    finally:
        conn.close()
    out = {}
    for path, ca in rows:
        if not (ca or "").startswith("text:"):
            continue
        base = path.rsplit("/", 1)[-1]
        with open(os.path.join(root, "nix", "store", base), "rb") as f:
            out[base] = f.read()
    return out


def run_nix(case):
    """(returncode, stdout, stderr, objects) for one case."""
    args, _ = directives(case)
    k = kind(case)
    if k.startswith("eval"):
        flags = ["--eval"] + (args if args is not None else ["--strict"])
    else:
        flags = args or []
    env = dict(os.environ)
    env.pop("NIX_PATH", None)
    env["TZ"] = "UTC"
    root = tempfile.mkdtemp(prefix="tangle-drv-oracle-")
    try:
        p = subprocess.run(
            ["nix-instantiate", "--store", os.path.join(root, "s")]
            + NIX_OPTIONS
            + flags
            + [os.path.basename(case)],
            cwd=CORPUS,
            capture_output=True,
            env=env,
            timeout=300,
        )
        objects = text_objects(os.path.join(root, "s"))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    out = p.stdout.decode("utf-8", "surrogateescape").replace(CORPUS, "@DIR@")
    err = p.stderr.decode("utf-8", "surrogateescape").replace(CORPUS, "@DIR@")
    return p.returncode, out, err, objects


def expected_files(case):
    base = case[: -len(".nix")]
    k = kind(case)
    if k == "inst-okay":
        return {"exp": base + ".exp", "drvs": base + ".drvs"}
    if k == "eval-okay":
        return {"exp": base + ".exp"}
    return {"err": base + ".err"}


def result_for(case):
    """What the oracle says each expected file holds, or a problem."""
    rc, out, err, objects = run_nix(case)
    k = kind(case)
    if k.endswith("okay"):
        if rc != 0:
            return None, "nix-instantiate failed (%d): %s" % (rc, err.strip()[:500])
        if k == "eval-okay" and "--json" in (directives(case)[0] or []):
            # Current Nix ends a JSON value with a newline; 2.8 wrote none
            # (see oracle.py).
            out = out + "\n"
        res = {"exp": out.encode("utf-8", "surrogateescape")}
        if k == "inst-okay":
            manifest = write_manifest(objects)
            if CORPUS.encode() in manifest:
                return None, ("a written store object contains the path of "
                              "tests/drv: the case depends on where the "
                              "checkout is")
            res["drvs"] = manifest
        return res, None
    if rc == 0:
        return None, "nix-instantiate succeeded but the case expects failure: %s" % out[:200]
    return {"err": error_paragraph(err).encode("utf-8", "surrogateescape")}, None


def all_cases():
    return sorted(
        os.path.join(CORPUS, n)
        for n in os.listdir(CORPUS)
        if n.endswith(".nix") and kind(n)
    )


def oracle_usable():
    """None if nix-instantiate can evaluate with a private store, else why not."""
    if shutil.which("nix-instantiate") is None:
        return "nix-instantiate is not installed (install Debian's nix-bin)"
    root = tempfile.mkdtemp(prefix="tangle-drv-oracle-")
    try:
        p = subprocess.run(
            ["nix-instantiate", "--store", os.path.join(root, "s"), "-E",
             'derivation { name = "probe"; system = "s"; builder = "b"; }'],
            capture_output=True, timeout=120,
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if p.returncode != 0:
        return "nix-instantiate cannot use a private store: %s" % (
            p.stderr.decode("utf-8", "replace").strip()[:300])
    return None


def refuse(problem):
    """Report why the oracle cannot run. Not being root is a reason to
    skip (exit 0); on root (as CI runs) it is a failure."""
    if os.geteuid() != 0:
        print("drv oracle: SKIPPED (not running as root): %s" % problem)
        return 0
    print("drv oracle: cannot run: %s" % problem)
    return 1


def gen(cases):
    problem = oracle_usable()
    if problem:
        return refuse(problem)
    if not cases:
        cases = [c for c in all_cases()
                 if not all(os.path.exists(p) for p in expected_files(c).values())]
    bad = 0
    for case in cases:
        case = os.path.abspath(case)
        if not kind(case):
            print("PROBLEM %s: not a case name (%s)" % (case, "|".join(KINDS)))
            bad += 1
            continue
        _, skip = directives(case)
        if skip:
            print("skip (oracle-skip: %s): %s" % (skip, case))
            continue
        res, problem = result_for(case)
        if problem:
            print("PROBLEM %s: %s" % (os.path.basename(case), problem))
            bad += 1
            continue
        if "err" in res:
            res["err"] = lang_oracle.translate(
                res["err"].decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
        for key, path in expected_files(case).items():
            with open(path, "wb") as f:
                f.write(res[key])
            if lang_oracle.VALUE_PLACEHOLDER.encode() in res[key]:
                print("  fill in %s by hand (current Nix's error printing rules)"
                      % lang_oracle.VALUE_PLACEHOLDER)
            print("wrote %s" % path)
    return 1 if bad else 0


def describe_manifest_diff(want, got):
    want, got = read_manifest(want), read_manifest(got)
    lines = []
    for name in sorted(set(want) | set(got)):
        if name not in got:
            lines.append("  only in the expected file: %s" % name)
        elif name not in want:
            lines.append("  only written by nix now: %s" % name)
        elif want[name] != got[name]:
            lines.append("  differs: %s\n    expected %r\n    nix      %r"
                         % (name, want[name][:300], got[name][:300]))
    return "\n".join(lines)


def check_one(case):
    """(status, lines) for one case: status is passed/failed/skipped."""
    name = os.path.basename(case)
    _, skip = directives(case)
    if skip:
        return "skipped", []
    files = expected_files(case)
    missing = [p for p in files.values() if not os.path.exists(p)]
    if missing:
        return "failed", ["FAIL %s: no expected file %s" % (name, ", ".join(missing))]
    res, problem = result_for(case)
    if problem:
        return "failed", ["FAIL %s: %s" % (name, problem)]
    lines = []
    for key, path in files.items():
        with open(path, "rb") as f:
            want = f.read()
        if key == "err":
            problem = lang_oracle.error_mismatch(
                res[key].decode("utf-8", "surrogateescape"),
                want.decode("utf-8", "surrogateescape"))
            if problem:
                lines.append("FAIL %s: %s" % (name, problem))
            continue
        if res[key] == want:
            continue
        if key == "drvs":
            lines.append("FAIL %s: store objects differ:\n%s"
                         % (name, describe_manifest_diff(want, res[key])))
        else:
            lines.append("FAIL %s: oracle says %r, %s says %r"
                         % (name, res[key][:300], os.path.basename(path), want[:300]))
    return ("failed" if lines else "passed"), lines


def check():
    problem = oracle_usable()
    if problem:
        return refuse(problem)
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        for status, lines in pool.map(check_one, all_cases()):
            counts[status] += 1
            for line in lines:
                print(line)
    print("drv oracle: %(passed)d passed, %(failed)d failed, %(skipped)d skipped" % counts)
    return 1 if counts["failed"] else 0


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("gen", "check"):
        print(__doc__)
        return 2
    if sys.argv[1] == "gen":
        return gen(sys.argv[2:])
    return check()


if __name__ == "__main__":
    sys.exit(main())
