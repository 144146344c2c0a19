#!/usr/bin/env python3
"""Check the REPL transcripts against current `nix repl` (2.34.8, run
through tests/oracle/current_nix.py with no store), and write their
expected outputs.

Each tests/repl/NAME.in is piped into `nix repl` and into
`tangle repl --echo`, both run in tests/repl with standard error merged
into standard output.  Both outputs are cut into one piece per input at
the echoed prompts (`nix-repl> `) and compared piece by piece (Nix's
colours, which it prints even into a pipe, are removed first):

  - equal pieces agree;
  - pieces that are both errors agree when their messages (the last
    `error: ...` line of Nix's, the first of Tangle's) are equal: Tangle
    lays out errors as `tangle eval` does (Nix 2.8's layout), not as
    2.34's REPL does;
  - a piece whose input is listed in differs.txt for the transcript may
    differ (a deliberate difference; the file says why).

Usage:
  oracle.py check [NAME...]   compare; exit 1 on a disagreement
  oracle.py bless [NAME...]   write NAME.out from Tangle's output (no echo;
                              this directory written as @DIR@), after
                              `check` agrees for NAME
Set TANGLE to the binary (default: target/release/tangle).
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "oracle"))

ANSI = re.compile(r"\x1b\[[0-9;]*m")
PROMPT = "nix-repl> "
CONT = "        > "
BANNER = re.compile(r"^Nix [0-9.]+\nType :\? for help\.\n")


def tangle_bin():
    return os.environ.get("TANGLE", os.path.join(ROOT, "target", "release", "tangle"))


def env_for_tests():
    env = dict(os.environ)
    env.pop("NIX_PATH", None)
    env["NO_COLOR"] = "1"
    return env


def run_nix(text):
    import current_nix as c
    argv, env = c.command(["--extra-experimental-features", "nix-command"], program="nix")
    binary = os.path.join(c.root_dir(), c.BINARY)
    i = argv.index(binary)
    argv = argv[:i + 1] + ["repl"] + argv[i + 1:]
    p = subprocess.run(argv, env=env, input=text.encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, cwd=HERE, timeout=300)
    out = ANSI.sub("", p.stdout.decode(errors="replace"))
    return BANNER.sub("", out)


def run_tangle(text, echo):
    argv = [tangle_bin(), "repl"] + (["--echo"] if echo else [])
    p = subprocess.run(argv, env=env_for_tests(), input=text.encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, cwd=HERE, timeout=300)
    return p.stdout.decode(errors="replace")


def pieces(out):
    """[(input lines, output)] cut at the echoed prompts."""
    result = []
    for line in out.splitlines(keepends=True):
        if line.startswith(PROMPT):
            result.append([[line[len(PROMPT):].rstrip("\n")], ""])
        elif result and line.startswith(CONT) and not result[-1][1]:
            result[-1][0].append(line[len(CONT):].rstrip("\n"))
        elif result:
            result[-1][1] += line
        else:
            result.append([[], line])
    return result


def error_message(text, last):
    lines = [l.strip() for l in text.splitlines() if l.strip().startswith("error:")]
    lines = [l for l in lines if l != "error:"]
    if not lines:
        return None
    return lines[-1] if last else lines[0]


def check(name):
    with open(os.path.join(HERE, name + ".in")) as f:
        text = f.read()
    nix = pieces(run_nix(text))
    ours = pieces(run_tangle(text, True))
    bad = 0
    allowed = set()
    with open(os.path.join(HERE, "differs.txt")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            file, inp, _ = line.rstrip("\n").split("\t", 2)
            if file == name:
                allowed.add(inp)
    for i in range(max(len(nix), len(ours))):
        n = nix[i] if i < len(nix) else ([], "<missing>")
        t = ours[i] if i < len(ours) else ([], "<missing>")
        if n == t:
            continue
        if n[0] == t[0]:
            nm, tm = error_message(n[1], True), error_message(t[1], False)
            if nm is not None and nm == tm:
                continue
        if "\n".join(n[0]) in allowed:
            continue
        bad += 1
        print("%s: piece %d differs\n  input: %r\n  nix:    %r\n  tangle: %r" % (
            name, i, "\n".join(n[0]), n[1], t[1]))
    print("%s: %d pieces, %d disagreements" % (name, len(nix), bad))
    return bad == 0


def names(args):
    if args:
        return args
    return sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".in"))


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("check", "bless"):
        print(__doc__)
        return 2
    ok = True
    for name in names(sys.argv[2:]):
        if sys.argv[1] == "check":
            ok = check(name) and ok
        else:
            with open(os.path.join(HERE, name + ".in")) as f:
                out = run_tangle(f.read(), False)
            with open(os.path.join(HERE, name + ".out"), "w") as f:
                f.write(out.replace(HERE, "@DIR@"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
