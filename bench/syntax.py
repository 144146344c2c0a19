#!/usr/bin/env python3
"""Big and deep source files: the parser and compiler under stress.

Writes the inputs below into a directory (default: a temporary one), then
runs each through Tangle and through nix-instantiate (`--eval --strict`),
taking turns, and prints wall time and peak memory (ru_maxrss) of each,
and whether the outputs agree.

    python3 bench/syntax.py [--runs N] [--keep DIR] [--only NAME,...]
                            [--tangle PATH] [--nix PATH|none]

| input | what |
|---|---|
| let-70k | a `let` with 70 000 bindings |
| rec-70k | a `rec` set with 70 000 bindings |
| set-70k | a set literal with 70 000 attributes |
| formals-70k | a lambda with 70 000 formals |
| ifelse-50k | an `if … then … else if …` chain of 50 000 branches |
| let-nested-20k | 20 000 nested `let … in` |
| with-nested-10k | 10 000 nested `with` |
| list-nested-20k, list-nested-100k | `[ [ [ … ] ] ]`, 20 000 and 100 000 deep |
| interp-100k | a string of 100 000 interpolations |
| plus-100k | `1 + 1 + … + 1`, 100 000 operands |
| ordinary-3mb | 3 MB of ordinary code: attribute sets, lambdas, lists, strings |

Standard library only; the measuring code is shared with bench/run.py.
"""
import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402


def name(i):
    return "a%d" % i


def let_70k(n=70000):
    binds = "".join("%s = %d;\n" % (name(i), i) for i in range(n))
    return "let\n%sin %s + %s\n" % (binds, name(0), name(n - 1))


def rec_70k(n=70000):
    binds = "".join("%s = %d;\n" % (name(i), i) for i in range(n))
    return "(rec {\n%sr = %s + %s;\n}).r\n" % (binds, name(0), name(n - 1))


def set_70k(n=70000):
    binds = "".join("%s = %d;\n" % (name(i), i) for i in range(n))
    return "let s = {\n%s}; in [ (builtins.length (builtins.attrNames s)) s.%s ]\n" % (
        binds, name(n - 1))


def formals_70k(n=70000):
    formals = ", ".join(name(i) for i in range(n))
    return "({ %s }: %s + %s) { %s }\n" % (
        formals, name(0), name(n - 1),
        " ".join("%s = %d;" % (name(i), i) for i in range(n)))


def ifelse_50k(n=50000):
    parts = ["let x = %d; in\n" % (n - 1)]
    for i in range(n):
        parts.append("if x == %d then %d else\n" % (i, i))
    parts.append("-1\n")
    return "".join(parts)


def let_nested_20k(n=20000):
    parts = ["let a0 = 0; in\n"]
    for i in range(1, n):
        parts.append("let %s = %s + 1; in\n" % (name(i), name(i - 1)))
    parts.append("%s\n" % name(n - 1))
    return "".join(parts)


def with_nested_10k(n=10000):
    parts = []
    for i in range(n):
        parts.append("with { %s = %d; };\n" % (name(i), i))
    parts.append("%s + %s\n" % (name(0), name(n - 1)))
    return "".join(parts)


def list_nested(n):
    # No blanks: each list node has three children, the shape rowan's
    # node cache deduplicates (and hashes).
    return "[" * n + "1" + "]" * n + "\n"


def interp_100k(n=100000):
    return 'let x = "a"; in builtins.stringLength "%s"\n' % ("${x}" * n)


def plus_100k(n=100000):
    return " + ".join(["1"] * n) + "\n"


def ordinary(target=3_000_000):
    """Generated code of the kind package sets are made of."""
    out = ["{ lib ? { id = x: x; }, ... }:\nlet\n"]
    out.append("  mkPackage = { name, version ? \"1.0\", deps ? [ ], ... }@args:\n")
    out.append("    args // { pname = \"${name}-${version}\"; inherit deps; };\n")
    out.append("  pkgs = rec {\n")
    i = 0
    size = sum(len(s) for s in out)
    while size < target:
        deps = " ".join("p%d" % j for j in range(max(0, i - 3), i))
        s = (
            "    p%d = mkPackage {\n"
            "      name = \"pkg-%d\";\n"
            "      version = \"%d.%d.%d\";\n"
            "      deps = [ %s ];\n"
            "      build = { stdenv, fetch ? null, flags ? [ \"-O2\" \"-g\" ] }:\n"
            "        let src = \"src-%d\"; in\n"
            "        if fetch == null then src else fetch src;\n"
            "      meta = { description = ''\n"
            "        Package number %d, with ${toString %d} in it.\n"
            "      ''; license = lib.id \"mit\"; priority = %d * 2 + 1; };\n"
            "      passthru.tests = map (x: x + 1) [ 1 2 3 ];\n"
            "    };\n"
        ) % (i, i, i % 7, i % 13, i % 5, deps, i, i, i, i)
        out.append(s)
        size += len(s)
        i += 1
    out.append("  };\nin builtins.length (builtins.attrNames pkgs) + pkgs.p%d.meta.priority\n"
               % (i - 1))
    return "".join(out)


INPUTS = [
    ("let-70k", let_70k),
    ("rec-70k", rec_70k),
    ("set-70k", set_70k),
    ("formals-70k", formals_70k),
    ("ifelse-50k", ifelse_50k),
    ("let-nested-20k", let_nested_20k),
    ("with-nested-10k", with_nested_10k),
    ("list-nested-20k", lambda: list_nested(20000)),
    ("list-nested-100k", lambda: list_nested(100000)),
    ("interp-100k", interp_100k),
    ("plus-100k", plus_100k),
    ("ordinary-3mb", ordinary),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", metavar="DIR", help="write the inputs here and keep them")
    ap.add_argument("--only", help="comma-separated input names")
    ap.add_argument("--tangle", default=run.DEFAULT_TANGLE)
    ap.add_argument("--nix", default=None, help="nix-instantiate to compare with, or 'none'")
    ap.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args()

    only = set(args.only.split(",")) if args.only else None
    outdir = args.keep or tempfile.mkdtemp(prefix="tangle-syntax-")
    os.makedirs(outdir, exist_ok=True)
    tangle = run.resolve_tangle(args.tangle)
    nix = None if args.nix == "none" else run.resolve_nix(args.nix or "nix-instantiate")
    env = dict(os.environ)
    env.pop("NIX_PATH", None)
    env["TZ"] = "UTC"

    print("%-18s %8s %9s %9s %9s %9s  %s" % (
        "input", "MB", "tangle s", "tangle MB", "nix s", "nix MB", "status"))
    for label, gen in INPUTS:
        if only and label not in only:
            continue
        path = os.path.join(outdir, label + ".nix")
        text = gen()
        with open(path, "w") as f:
            f.write(text)
        argvs = [[tangle, "eval", "--strict", path]] if tangle else []
        if nix:
            argvs.append([nix, "--eval", "--strict", path])
        ms = run.measure(argvs, args.runs, args.timeout, env, outdir)
        t = ms[0] if tangle else None
        n = ms[-1] if nix else None

        def cell(m, f):
            if m is None:
                return "-"
            if not m.ok:
                return "fail"
            return f(m)

        if t and n and t.ok and n.ok:
            status = "ok" if t.stdout == n.stdout else "MISMATCH"
        else:
            errs = [m.error for m in (t, n) if m is not None and not m.ok]
            status = "; ".join(e for e in errs if e) or "ok"
        print("%-18s %8.2f %9s %9s %9s %9s  %s" % (
            label, len(text) / 1e6,
            cell(t, lambda m: "%.3f" % m.time), cell(t, lambda m: "%.1f" % m.peak_mb),
            cell(n, lambda m: "%.3f" % m.time), cell(n, lambda m: "%.1f" % m.peak_mb),
            status[:60]), flush=True)
    if not args.keep:
        for f in os.listdir(outdir):
            os.unlink(os.path.join(outdir, f))
        os.rmdir(outdir)


if __name__ == "__main__":
    main()
