#!/usr/bin/env python3
"""Expected outputs for tests/excerpt: the complete error output of C++ Nix
2.8 for each case, where the layout of the quoted source lines is what is
tested (the line before and after, line-number width, trailing blanks,
unterminated last lines, tabs, carriage returns).

    python3 tests/oracle/excerpt.py gen      # write NAME.stderr for every case
    python3 tests/oracle/excerpt.py check    # compare with nix-instantiate

A case is NAME.nix (evaluated as a file) or NAME.expr (its text passed with
-E). The case directory is written as @DIR@ in the expected output.
Standard library only.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.join(os.path.dirname(HERE), "excerpt")


def cases():
    return sorted(f for f in os.listdir(DIR) if f.endswith((".nix", ".expr")))


def nix_stderr(case):
    path = os.path.join(DIR, case)
    if case.endswith(".expr"):
        with open(path, encoding="utf-8") as f:
            argv = ["nix-instantiate", "--eval", "--strict", "-E", f.read()]
    else:
        argv = ["nix-instantiate", "--eval", "--strict", path]
    env = dict(os.environ)
    env.pop("NIX_PATH", None)
    r = subprocess.run(argv, capture_output=True, env=env, cwd=DIR, timeout=60)
    if r.returncode == 0:
        raise SystemExit("%s: nix-instantiate succeeded" % case)
    text = r.stderr.decode("utf-8").replace(DIR, "@DIR@")
    # Messages whose wording current Nix changed are expected in its words
    # (oracle.current_line); the layout is 2.8's.
    sys.path.insert(0, HERE)
    import oracle
    return "\n".join(oracle.current_line(l) or l for l in text.split("\n"))


def expected_path(case):
    return os.path.join(DIR, case.rsplit(".", 1)[0] + ".stderr")


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    if what not in ("gen", "check"):
        raise SystemExit(__doc__)
    bad = 0
    for case in cases():
        got = nix_stderr(case)
        path = expected_path(case)
        if what == "gen":
            with open(path, "w", encoding="utf-8") as f:
                f.write(got)
            print("wrote", path)
        else:
            with open(path, encoding="utf-8") as f:
                if f.read() != got:
                    bad += 1
                    print("MISMATCH", case)
    if what == "check":
        print("excerpt oracle: %d cases, %d mismatched" % (len(cases()), bad))
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
