#!/usr/bin/env python3
"""Differential tester: random Nix programs evaluated by Tangle and by
current C++ Nix (2.34.8, run by tests/oracle/current_nix.py), compared.

  python3 tests/difftest/run.py --seed S --count N [--jobs 2] [--out DIR]

Program I of seed S is generated from the string "S:I" (so `--seed S
--only I` repeats one). Each is run with `tangle eval --strict` and
`nix-instantiate --eval --strict` (a fraction with `--json` too, see
--json-rate), and compared at --level:

  status    exit status and stdout
  message   that, and for errors the message: Tangle's first `error:` line
            against current Nix's innermost one (default; the trace around it
            is laid out differently and is compared at `full`)
  full      that, and the whole of stderr

A crash of Tangle (a panic, a signal, any exit status other than 0 and 1,
or running past --timeout) is always a disagreement. A disagreement gets a
class (its kind and the shape of the two outputs, with numbers and strings
blanked out); classes matching an entry of known.ini (or --known) are
counted as known deviations, not disagreements. The first --shrink
programs of each other class are shrunk (delta debugging over the
generator's expression tree, keeping the class) and written to --out as
CLASS/SEED-I.nix, with both outputs beside it in SEED-I.txt; CLASS/seeds.txt
lists every program of the class.

Exit status: 0 when every program agreed (or only known deviations), 1
otherwise, 2 on bad usage. With --skip-unavailable, a missing oracle (no
network to fetch it) prints "difftest skipped: REASON" and exits 0.
"""
import argparse
import configparser
import os
import re
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(REPO, "tests", "oracle"))
import gen  # noqa: E402
import current_nix  # noqa: E402


class Result:
    __slots__ = ("status", "stdout", "stderr", "timeout")

    def __init__(self, status, stdout, stderr, timeout=False):
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.timeout = timeout


def run_cmd(argv, env, timeout):
    try:
        p = subprocess.run(argv, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return Result(None, (e.stdout or b"").decode("utf-8", "replace"),
                      (e.stderr or b"").decode("utf-8", "replace"), timeout=True)
    return Result(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))


class Evaluators:
    def __init__(self, tangle, timeout):
        self.tangle = tangle
        self.timeout = timeout
        self.nix_argv, self.nix_env = current_nix.command([])
        self.tangle_env = dict(os.environ)
        self.tangle_env.pop("NIX_PATH", None)

    def tangle_run(self, text, json):
        argv = [self.tangle, "eval", "--strict"] + (["--json"] if json else []) + ["-E", text]
        return run_cmd(argv, self.tangle_env, self.timeout)

    def nix_run(self, text, json):
        argv = self.nix_argv + ["--eval", "--strict"] + (["--json"] if json else []) + ["-E", text]
        return run_cmd(argv, self.nix_env, self.timeout * 3)


# ---------------------------------------------------------------- compare

NIX_ERROR = re.compile(r"^(?: {7})?(error: .*)$")


def tangle_message(stderr):
    for line in stderr.split("\n"):
        if line.startswith("error: "):
            return line
    return None


def nix_message(stderr):
    found = None
    for line in stderr.split("\n"):
        m = NIX_ERROR.match(line)
        if m:
            found = m.group(1)
    return found


def shape(text, limit=70):
    """A message or token with its particulars blanked out."""
    s = re.sub(r'"(?:[^"\\]|\\.)*"', '"S"', text)
    s = re.sub(r"'[^']*'", "'N'", s)
    s = re.sub(r"\{.*\}", "{…}", s)
    s = re.sub(r"\[.*\]", "[…]", s)
    s = re.sub(r"\d+(\.\d+)?(e[+-]?\d+)?", "9", s)
    s = re.sub(r"«[^»]*»", "«…»", s)
    return s[:limit]


TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[^\s\[\]{};=,:]+|[\[\]{};=,:]')


def first_difference(a, b):
    ta, tb = TOKEN.findall(a), TOKEN.findall(b)
    for x, y in zip(ta, tb):
        if x != y:
            return x, y
    if len(ta) != len(tb):
        return (ta[len(tb)] if len(ta) > len(tb) else "END"), (tb[len(ta)] if len(tb) > len(ta) else "END")
    return None


def layout_difference(a, b):
    """How two outputs with the same tokens differ in white space."""
    if a.rstrip("\n") == b.rstrip("\n"):
        return "ends with %d newline(s), nix with %d" % (len(a) - len(a.rstrip("\n")), len(b) - len(b.rstrip("\n")))
    return "white space differs"


def classify(t, n, level):
    """None if Tangle's result agrees with Nix's, else the class of the
    disagreement (a string)."""
    if t.timeout:
        return "crash: timeout"
    if t.status not in (0, 1) or "panicked at" in t.stderr:
        m = re.search(r"panicked at [^\n]*\n([^\n]*)", t.stderr)
        return "crash: exit %s%s" % (t.status, (": " + shape(m.group(1))) if m else "")
    if n.timeout:
        return None  # not judged (see `oracle_timeouts`)
    t_ok, n_ok = t.status == 0, n.status == 0
    if t_ok and n_ok:
        if t.stdout != n.stdout:
            d = first_difference(t.stdout, n.stdout)
            if d is None:
                return "value layout: tangle %s" % layout_difference(t.stdout, n.stdout)
            return "value: tangle %s, nix %s" % (shape(d[0], 30), shape(d[1], 30))
        if level == "full" and t.stderr != n.stderr:
            return "stderr"
        return None
    if t_ok != n_ok:
        if t_ok:
            return "status: tangle succeeds, nix fails: %s" % shape(nix_message(n.stderr) or "?")
        return "status: tangle fails, nix succeeds: %s" % shape(tangle_message(t.stderr) or "?")
    if t.stdout != n.stdout:
        return "stdout of failing evaluations"
    if level == "status":
        return None
    tm, nm = tangle_message(t.stderr), nix_message(n.stderr)
    if tm != nm:
        return "message: tangle %s | nix %s" % (shape(tm or "?"), shape(nm or "?"))
    if level == "full" and t.stderr != n.stderr:
        return "error layout"
    return None


def load_known(path):
    """[(name, compiled class regex, reason)] from an INI file whose
    sections each have `class` (a regex searched in the class) and
    `reason`."""
    cp = configparser.ConfigParser(interpolation=None)
    with open(path, encoding="utf-8") as f:
        cp.read_file(f)
    out = []
    for name in cp.sections():
        sec = cp[name]
        out.append((name, re.compile(sec["class"]), sec.get("reason", "").strip()))
    return out


def slug(cls):
    s = re.sub(r"[^A-Za-z0-9]+", "-", cls).strip("-").lower()
    return s[:80] or "class"


# ---------------------------------------------------------------- shrink


def candidates(g, node):
    """Replacements to try for a node, smallest first: delete (a fragment),
    a smaller expression of its type inside it, the type's simplest value."""
    out = []
    if node.opt:
        out.append("")
        return out
    if node.ty is None:
        return out
    minimal = g.minimal(node.ty)
    out.append(minimal)
    found = []
    queue = [c for c in node.parts if isinstance(c, gen.Node)]
    while queue and len(found) < 12:
        d = queue.pop(0)
        if d.ty == node.ty:
            found.append(d)
        queue.extend(c for c in d.parts if isinstance(c, gen.Node))
    found.sort(key=lambda d: len(d.render()))
    out.extend(found)
    # then any expression inside, whatever its type (the class decides)
    other = []
    queue = [c for c in node.parts if isinstance(c, gen.Node)]
    while queue and len(other) < 8:
        d = queue.pop(0)
        if d.ty is not None and d.ty != node.ty:
            other.append(d)
        queue.extend(c for c in d.parts if isinstance(c, gen.Node))
    other.sort(key=lambda d: len(d.render()))
    out.extend(other)
    return out


def shrink(root, g, still_fails, budget_tests, budget_seconds):
    """Greedy delta debugging: replace nodes while `still_fails(text)`."""
    start = time.time()
    tests = 0
    seen = {root.render()}
    holder = gen.Node(None, [root])
    progress = True
    while progress:
        progress = False
        for node, parent, i in list(holder.walk()):
            if parent is None:
                continue
            if tests >= budget_tests or time.time() - start > budget_seconds:
                return holder.parts[0], tests
            if parent.parts[i] is not node:
                continue  # replaced meanwhile
            old_text = node.render()
            for cand in candidates(g, node):
                if isinstance(cand, str):
                    if cand == old_text:
                        continue
                    new = gen.Node(node.ty, [cand]) if cand else ""
                else:
                    new = cand
                parent.parts[i] = new
                text = holder.render()
                if text in seen:
                    parent.parts[i] = node
                    continue
                seen.add(text)
                tests += 1
                if still_fails(text):
                    progress = True
                    break
                parent.parts[i] = node
    return holder.parts[0], tests


# ---------------------------------------------------------------- run


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--only", type=int, help="run program number ONLY of the seed (print it and both results)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", default=None, help="where reproducers go (default: none written)")
    ap.add_argument("--level", choices=("status", "message", "full"), default="message")
    ap.add_argument("--json-rate", type=float, default=0.2, help="fraction of programs also run with --json")
    ap.add_argument("--error-rate", type=float, default=0.2, help="fraction of programs with errors on purpose")
    ap.add_argument("--max-depth", type=int, default=5)
    ap.add_argument("--exclude", default="", help="generator features to leave out, comma-separated (--features lists them)")
    ap.add_argument("--features", action="store_true", help="list the generator's features and exit")
    ap.add_argument("--known", default=os.path.join(HERE, "known.ini"))
    ap.add_argument("--shrink", type=int, default=2, help="programs shrunk per class (0: none)")
    ap.add_argument("--shrink-tests", type=int, default=400)
    ap.add_argument("--shrink-seconds", type=float, default=120)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--tangle", default=os.path.join(REPO, "target", "release", "tangle"))
    ap.add_argument("--skip-unavailable", action="store_true",
                    help="exit 0 with a message when current Nix cannot be set up")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    if args.features:
        print("\n".join(gen.FEATURES))
        return 0
    exclude = [f for f in args.exclude.split(",") if f]
    bad = [f for f in exclude if f not in gen.FEATURES]
    if bad:
        print("unknown feature(s): %s (see --features)" % ", ".join(bad), file=sys.stderr)
        return 2
    if not os.access(args.tangle, os.X_OK):
        print("no tangle binary at %s (cargo build --release)" % args.tangle, file=sys.stderr)
        return 2
    try:
        current_nix.ensure()
    except (current_nix.Unavailable, OSError) as e:
        if args.skip_unavailable:
            print("difftest skipped: current Nix %s is unavailable (%s)" % (current_nix.NIX_VERSION, e))
            return 0
        print("difftest: current Nix is unavailable: %s" % e, file=sys.stderr)
        return 2
    ev = Evaluators(args.tangle, args.timeout)
    known = load_known(args.known) if os.path.exists(args.known) else []

    def make(i):
        rng_seed = "%d:%d" % (args.seed, i)
        root, g = gen.generate(rng_seed, exclude, args.error_rate, args.max_depth)
        json = g.rng.random() < args.json_rate
        return root, g, json

    def judge(text, json):
        t = ev.tangle_run(text, json)
        n = ev.nix_run(text, json)
        cls = classify(t, n, args.level)
        if cls and json and not cls.startswith("crash"):
            cls = "json " + cls
        return cls, t, n

    def write_repro(cls, i, json, text, t, n, orig_len, tests):
        d = os.path.join(args.out, slug(cls))
        os.makedirs(d, exist_ok=True)
        base = os.path.join(d, "%d-%d" % (args.seed, i))
        with open(base + ".nix", "w", encoding="utf-8") as f:
            f.write(text + "\n")
        with open(base + ".txt", "w", encoding="utf-8") as f:
            f.write("class: %s\n" % cls)
            f.write("program: --seed %d --only %d (json: %s); shrunk from %d to %d characters in %d tests\n"
                    % (args.seed, i, "yes" if json else "no", orig_len, len(text), tests))
            f.write("run: tangle eval --strict%s %s.nix\n\n" % (" --json" if json else "", os.path.basename(base)))
            f.write("--- tangle: exit %s%s\n%s%s\n" % (t.status, " (timeout)" if t.timeout else "", t.stdout, t.stderr))
            f.write("--- nix %s: exit %s%s\n%s%s\n" % (current_nix.NIX_VERSION, n.status,
                                                     " (timeout)" if n.timeout else "", n.stdout, n.stderr))
        return base + ".nix"

    if args.only is not None:
        root, g, json = make(args.only)
        text = root.render()
        cls, t, n = judge(text, json)
        print(text)
        print("--- json: %s" % json)
        print("--- tangle (exit %s)\n%s%s" % (t.status, t.stdout, t.stderr))
        print("--- nix (exit %s)\n%s%s" % (n.status, n.stdout, n.stderr))
        print("--- %s" % (cls or "agree"))
        if cls and args.out:
            small, tests = shrink(root, g, lambda s: judge(s, json)[0] == cls,
                                  args.shrink_tests, args.shrink_seconds)
            _, t, n = judge(small.render(), json)
            path = write_repro(cls, args.only, json, small.render(), t, n, len(text), tests)
            print("--- shrunk to %s" % path)
        return 0 if cls is None else 1

    lock = threading.Lock()
    stats = {"programs": 0, "agree": 0, "errors_agreed": 0, "json": 0, "oracle_timeouts": 0}
    classes = {}   # class -> [program numbers]
    known_hits = {}  # known name -> count
    shrunk = {}    # class -> number of programs shrunk or being shrunk
    start = time.time()

    def known_of(cls):
        if cls.startswith("crash"):
            return None
        for name, rx, _ in known:
            if rx.search(cls):
                return name
        return None

    def one(i):
        root, g, json = make(i)
        text = root.render()
        cls, t, n = judge(text, json)
        with lock:
            stats["programs"] += 1
            stats["json"] += json
            if n.timeout and not t.timeout:
                stats["oracle_timeouts"] += 1
            if cls is None:
                stats["agree"] += 1
                if t.status == 1:
                    stats["errors_agreed"] += 1
                return
            k = known_of(cls)
            if k:
                known_hits[k] = known_hits.get(k, 0) + 1
                return
            classes.setdefault(cls, []).append(i)
            do_shrink = args.out is not None and shrunk.get(cls, 0) < args.shrink
            if do_shrink:
                shrunk[cls] = shrunk.get(cls, 0) + 1
            if args.verbose:
                print("program %d: %s" % (i, cls), file=sys.stderr)
        if not do_shrink:
            return
        orig_len = len(text)
        small, tests = shrink(root, g, lambda s: judge(s, json)[0] == cls,
                              args.shrink_tests, args.shrink_seconds)
        text = small.render()
        _, t, n = judge(text, json)
        with lock:
            write_repro(cls, i, json, text, t, n, orig_len, tests)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for fut in [pool.submit(one, i) for i in range(args.count)]:
            fut.result()

    elapsed = time.time() - start
    if args.out:
        for cls, progs in classes.items():
            d = os.path.join(args.out, slug(cls))
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "seeds.txt"), "w") as f:
                f.write("class: %s\n" % cls)
                f.write("programs (--seed %d --only I): %s\n" % (args.seed, " ".join(map(str, sorted(progs)))))
    dis = sum(len(v) for v in classes.values())
    crashes = sum(len(v) for c, v in classes.items() if c.startswith("crash"))
    print("difftest: seed %d, %d programs (%d also as JSON), level %s%s" % (
        args.seed, stats["programs"], stats["json"], args.level,
        (", excluding " + ",".join(exclude)) if exclude else ""))
    print("  agreements:     %d (%d of them errors)" % (stats["agree"], stats["errors_agreed"]))
    print("  known:          %d%s" % (sum(known_hits.values()), "".join(
        "\n    %5d  [%s]" % (c, k) for k, c in sorted(known_hits.items()))))
    print("  disagreements:  %d in %d classes" % (dis, len(classes)))
    for cls, progs in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        print("    %5d  %s  (e.g. --only %d)" % (len(progs), cls, min(progs)))
    print("  crashes:        %d" % crashes)
    if stats["oracle_timeouts"]:
        print("  oracle timeouts: %d (not judged)" % stats["oracle_timeouts"])
    print("  time:           %.1f s" % elapsed)
    if args.out and classes:
        print("  reproducers in %s" % args.out)
    return 1 if classes else 0


if __name__ == "__main__":
    sys.exit(main())
