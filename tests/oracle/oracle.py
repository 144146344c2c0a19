#!/usr/bin/env python3
"""Oracle tool for the Tangle language corpus.

The corpus lives in tests/lang/.  Every case is a `.nix` file:

  eval-okay-NAME.nix  expected stdout in eval-okay-NAME.exp
  eval-fail-NAME.nix  expected error message in eval-fail-NAME.err

Directives, on lines at the top of a case that start with `#`:

  # args: --json --strict      flags for `eval` (default: --strict)
  # oracle-skip: REASON        C++ Nix 2.8 is not the judge for this case
                               (current Nix differs, or 2.8 crashes); the
                               expected file was written from the Nix manual.

Paths are normalised: the absolute path of tests/lang becomes @DIR@.
An `.err` file holds the first paragraph of the error output: from the first
line starting with `error:` up to the first empty line.

Usage:
  oracle.py gen [CASE.nix ...]   write expected files with nix-instantiate
                                 (default: every case without one)
  oracle.py check                re-run every unmarked case through
                                 nix-instantiate and fail on any disagreement
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "lang"))


def directives(path, default_args=("--strict",)):
    """The `# args:` and `# oracle-skip:` lines at the top of a case."""
    args = list(default_args) if default_args is not None else None
    skip = None
    with open(path, "rb") as f:
        for raw in f.read().split(b"\n"):
            line = raw.decode("utf-8", "replace").strip()
            if not line.startswith("#"):
                break
            body = line[1:].strip()
            if body.startswith("args:"):
                args = body[len("args:"):].split()
            elif body.startswith("oracle-skip:"):
                skip = body[len("oracle-skip:"):].strip()
    return args, skip


def error_paragraph(stderr):
    lines = stderr.split("\n")
    out = []
    started = False
    for line in lines:
        if not started:
            if line.startswith("error:"):
                started = True
                out.append(line)
        else:
            if line.strip() == "":
                break
            out.append(line)
    return "\n".join(out) + "\n"


def run_nix(case):
    args, _ = directives(case)
    env = dict(os.environ)
    env.pop("NIX_PATH", None)
    env["TZ"] = "UTC"
    p = subprocess.run(
        ["nix-instantiate", "--eval"] + args + [os.path.basename(case)],
        cwd=CORPUS,
        capture_output=True,
        env=env,
        timeout=120,
    )
    out = p.stdout.decode("utf-8", "surrogateescape").replace(CORPUS, "@DIR@")
    err = p.stderr.decode("utf-8", "surrogateescape").replace(CORPUS, "@DIR@")
    return p.returncode, out, err


def expected_path(case):
    base = case[: -len(".nix")]
    if os.path.basename(case).startswith("eval-okay-"):
        return base + ".exp"
    return base + ".err"


def result_for(case):
    """What the oracle says the expected file should contain, or an error."""
    rc, out, err = run_nix(case)
    name = os.path.basename(case)
    if name.startswith("eval-okay-"):
        if rc != 0:
            return None, "nix-instantiate failed (%d): %s" % (rc, err.strip()[:500])
        return out, None
    if rc == 0:
        return None, "nix-instantiate succeeded but case is eval-fail: %s" % out[:200]
    return error_paragraph(err), None


def all_cases():
    return sorted(
        os.path.join(CORPUS, n)
        for n in os.listdir(CORPUS)
        if n.endswith(".nix") and (n.startswith("eval-okay-") or n.startswith("eval-fail-"))
    )


def gen(cases):
    if not cases:
        cases = [c for c in all_cases() if not os.path.exists(expected_path(c))]
    bad = 0
    for case in cases:
        case = os.path.abspath(case)
        _, skip = directives(case)
        if skip:
            print("skip (oracle-skip: %s): %s" % (skip, case))
            continue
        text, problem = result_for(case)
        if problem:
            print("PROBLEM %s: %s" % (os.path.basename(case), problem))
            bad += 1
            continue
        with open(expected_path(case), "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(text)
        print("wrote %s" % expected_path(case))
    return 1 if bad else 0


def check():
    passed = failed = skipped = 0
    for case in all_cases():
        name = os.path.basename(case)
        _, skip = directives(case)
        if skip:
            skipped += 1
            continue
        exp = expected_path(case)
        if not os.path.exists(exp):
            print("FAIL %s: no expected file" % name)
            failed += 1
            continue
        with open(exp, encoding="utf-8", errors="surrogateescape") as f:
            want = f.read()
        text, problem = result_for(case)
        if problem:
            print("FAIL %s: %s" % (name, problem))
            failed += 1
        elif text != want:
            print("FAIL %s: oracle says %r, expected file says %r" % (name, text[:300], want[:300]))
            failed += 1
        else:
            passed += 1
    print("oracle: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("gen", "check"):
        print(__doc__)
        return 2
    if sys.argv[1] == "gen":
        return gen(sys.argv[2:])
    return check()


if __name__ == "__main__":
    sys.exit(main())
