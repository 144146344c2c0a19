#!/usr/bin/env python3
"""`oracle.py check-current`: the corpus cases Nix 2.8 cannot judge, judged
by current Nix (forky's nix-bin 2.34.8, run by current_nix.py).

Cases checked, in tests/lang and tests/drv:

  - every eval-fail/inst-fail case whose expected message is a type error
    in current Nix's wording ("expected a set but found an integer: 1",
    "... not a function but a float: 1", "cannot coerce a list to a
    string: [ 1 ]", "cannot compare ..."): the value text after the colon
    is what 2.8 cannot check;
  - every case marked `# oracle-skip:`.

How they are compared:

  - an okay case: stdout exactly, as `oracle.py check` does;
  - a fail case: current Nix prints a trace ("… while evaluating ..."
    frames) and the error itself last, as `error: MESSAGE`; that innermost
    `error:` line is compared with the first line of the expected `.err`
    file (the message; 2.8's layout around it is checked by `check`),
    exactly: comparison errors included, whose values ("; values are V1
    and V2") current Nix prints too.

If current Nix cannot be set up (no network, for instance), the check
prints "skipped: REASON" and succeeds.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import current_nix  # noqa: E402
import drv_oracle  # noqa: E402
import oracle  # noqa: E402

# First lines of .err files in current Nix's type-error wording.
TYPE_ERROR = re.compile(
    r"^error: .*(expected .+ but found .+: |attempt to call something which is "
    r"not a function but .+: |cannot coerce .+ to a string: |cannot compare .+ "
    r"with .+; values )")
# Messages 2.8 words differently, judged by current Nix too (see
# oracle.current_line).
CURRENT_WORDING = re.compile(r"^error: function '.*' called (without required|with unexpected) argument ")
# The innermost message of current Nix's error output: the last `error:`
# line, at the start of the line or indented under a trace.
ERROR_LINE = re.compile(r"^(?: {7})?(error: .*)$")


KNOWN = os.path.join(HERE, "current-known.txt")


def known_disagreements():
    """current-known.txt: "CORPUS/CASE" -> reason."""
    out = {}
    with open(KNOWN, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, reason = line.partition(" ")
                out[name] = reason.strip()
    return out


def innermost_error(stderr):
    """The last `error: ...` line of current Nix's stderr, or None."""
    found = None
    for line in stderr.split("\n"):
        m = ERROR_LINE.match(line)
        if m:
            found = m.group(1)
    return found


def lang_cases():
    """(corpus dir, case path, kind, args) for tests/lang."""
    for case in oracle.all_cases():
        args, skip = oracle.directives(case)
        kind = "eval-fail" if oracle.name_is_fail(case) else "eval-okay"
        yield oracle.CORPUS, case, kind, ["--eval"] + args, skip


def drv_cases():
    """The same for tests/drv."""
    for case in drv_oracle.all_cases():
        args, skip = drv_oracle.directives(case)
        kind = drv_oracle.kind(case)
        if kind.startswith("eval"):
            flags = ["--eval"] + (args if args is not None else ["--strict"])
        else:
            flags = args or []
        yield drv_oracle.CORPUS, case, kind, flags, skip


def expected_file(case, kind):
    base = case[: -len(".nix")]
    return base + (".err" if kind.endswith("fail") else ".exp")


def selected_cases():
    """The cases 2.8 cannot judge, each with why it is selected."""
    out = []
    for corpus, case, kind, flags, skip in list(lang_cases()) + list(drv_cases()):
        exp = expected_file(case, kind)
        if not os.path.exists(exp):
            continue
        with open(exp, encoding="utf-8", errors="surrogateescape") as f:
            want = f.read()
        if skip is not None:
            why = "oracle-skip"
        elif kind.endswith("fail") and TYPE_ERROR.match(want.split("\n")[0]):
            why = "type error"
        elif kind.endswith("fail") and CURRENT_WORDING.match(want.split("\n")[0]):
            why = "current wording"
        else:
            continue
        # For inst-okay cases only the printed paths are compared; the
        # .drvs manifest is drv_oracle.py's business.
        out.append((corpus, case, kind, flags, want, why))
    return out


def run_case(corpus, case, flags):
    """(returncode, stdout, stderr) of current Nix on one case, in a
    private local store (so instantiation can write .drv files)."""
    store = tempfile.mkdtemp(prefix="tangle-current-nix-")
    try:
        argv, env = current_nix.command(
            ["--store", os.path.join(store, "s")] + drv_oracle.NIX_OPTIONS
            + flags + [os.path.basename(case)])
        env["TZ"] = "UTC"
        p = subprocess.run(argv, env=env, cwd=corpus, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(store, ignore_errors=True)
    out = p.stdout.decode("utf-8", "surrogateescape").replace(corpus, "@DIR@")
    err = p.stderr.decode("utf-8", "surrogateescape").replace(corpus, "@DIR@")
    return p.returncode, out, err


def judge(item):
    """None if current Nix agrees with the expected file, else (what it
    says, what the file says)."""
    corpus, case, kind, flags, want, _why = item
    rc, out, err = run_case(corpus, case, flags)
    if kind.endswith("okay"):
        if rc != 0:
            return ("fails: %s" % (innermost_error(err) or err.strip()[-300:]), want)
        return None if out == want else (out, want)
    if rc == 0:
        return ("succeeds: %s" % out.strip()[:300], want.split("\n")[0])
    got = innermost_error(err) or err.strip()[-300:]
    first = want.split("\n")[0]
    if got == first:
        return None
    return (got, first)


def check_current(verbose=False):
    """Run the selected cases through current Nix; 0 if every one agrees
    (or is a listed, still-present disagreement), 1 otherwise."""
    try:
        current_nix.ensure()
    except (current_nix.Unavailable, OSError) as e:
        print("check-current skipped: current Nix %s is unavailable (%s)" % (
            current_nix.NIX_VERSION, e))
        return 0
    items = selected_cases()
    known = known_disagreements()
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = list(pool.map(judge, items))
    failed = agreed = listed = 0
    counts = {}
    seen = set()
    for item, res in zip(items, results):
        corpus, case, _kind, _flags, _want, why = item
        counts[why] = counts.get(why, 0) + 1
        name = os.path.relpath(case, os.path.dirname(corpus))[: -len(".nix")]
        seen.add(name)
        if name in known:
            if res is None:
                print("FAIL %s: agrees with nix %s now; remove it from %s" % (
                    name, current_nix.NIX_VERSION, os.path.basename(KNOWN)))
                failed += 1
            else:
                listed += 1
                if verbose:
                    print("known %s: nix %s says %r" % (name, current_nix.NIX_VERSION, res[0][:300]))
            continue
        if res is None:
            agreed += 1
            if verbose:
                print("ok   %s (%s)" % (name, why))
            continue
        failed += 1
        got, want = res
        print("FAIL %s (%s)\n  nix %s: %r\n  expected:   %r" % (
            name, why, current_nix.NIX_VERSION, got[:600], want[:600]))
    for name in sorted(set(known) - seen):
        print("FAIL %s is listed in %s but is not a checked case" % (name, os.path.basename(KNOWN)))
        failed += 1
    print("check-current (nix %s): %d cases (%s): %d agree, %d listed in %s, %d failed" % (
        current_nix.NIX_VERSION, len(items),
        ", ".join("%d %s" % (n, w) for w, n in sorted(counts.items())),
        agreed, listed, os.path.basename(KNOWN), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(check_current(verbose="-v" in sys.argv[1:]))
