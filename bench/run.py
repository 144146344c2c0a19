#!/usr/bin/env python3
"""Benchmark driver: Tangle versus C++ Nix (nix-instantiate).

For every case in bench/cases/*.nix (files starting with `_` are helpers,
not cases; or only the cases named on the command line) this runs

    tangle eval --strict FILE
    nix-instantiate --eval --strict FILE

each --runs times (taking turns), keeps the minimum wall-clock and CPU
(user + system) times and the largest peak
resident set size (ru_maxrss of that one child process, from os.wait4), checks
that both printed exactly the same stdout, and prints a table plus geometric
means of the time and memory ratios.  Ratios are nix / tangle, so a value
above 1 means Tangle is faster (or uses less memory).

Exit status: 0 when every case ran on both sides and the outputs agreed,
1 when there was any MISMATCH or any run failed (error, timeout, missing
binary), 2 for usage errors.

Standard library only.  See bench/README.md.
"""
import argparse
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
CASES_DIR = os.path.join(BENCH_DIR, "cases")
DEFAULT_TANGLE = os.path.join("target", "release", "tangle")


class RunResult:
    """Outcome of one process run."""

    def __init__(self, ok, wall, maxrss_kb, stdout, error, cpu=None):
        self.ok = ok              # exited 0 within the time limit
        self.wall = wall          # seconds, fork to reap
        self.cpu = cpu            # user + system seconds of the child
        self.maxrss_kb = maxrss_kb
        self.stdout = stdout      # bytes
        self.error = error        # short description when not ok


class Measurement:
    """Aggregate over several runs of one command on one case."""

    def __init__(self):
        self.ok = False
        self.time = None          # minimum wall time over the runs, seconds
        self.cpu = None           # minimum CPU time (user + system), seconds
        self.peak_mb = None       # largest peak RSS over the runs, MiB
        self.stdout = None
        self.error = None
        self.unstable = False     # stdout differed between repeated runs


def first_line(data, limit=160):
    text = data.decode("utf-8", "replace").strip()
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 3] + "..."
    return ""


def run_once(argv, timeout, env, cwd):
    """Run argv once; return a RunResult with per-process wall time and RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                env=env,
                cwd=cwd,
                start_new_session=True,   # own process group, for killing
            )
        except OSError as e:
            return RunResult(False, None, None, b"", "cannot start: %s" % e)

        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            # wait4 reaps exactly this child and reports its own rusage
            # (ru_maxrss is the peak RSS of this process, in KiB on Linux).
            while True:
                try:
                    _, status, rusage = os.wait4(proc.pid, 0)
                    break
                except InterruptedError:
                    continue
        except BaseException:
            # e.g. Ctrl-C: the child is in its own session and would not see
            # the terminal's SIGINT, so kill and reap it before giving up.
            timer.cancel()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            try:
                os.waitpid(proc.pid, 0)
            except ChildProcessError:
                pass
            proc.returncode = -signal.SIGKILL
            raise
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        # Tell Popen the child is already reaped so it never waits for it.
        proc.returncode = os.waitstatus_to_exitcode(status)

        out.seek(0)
        stdout = out.read()
        err.seek(0)
        stderr = err.read()

    if timed_out.is_set():
        return RunResult(False, wall, rusage.ru_maxrss, stdout,
                         "timeout after %gs" % timeout)
    if proc.returncode != 0:
        if proc.returncode < 0:
            what = "killed by signal %d" % -proc.returncode
        else:
            what = "exit status %d" % proc.returncode
        msg = first_line(stderr)
        return RunResult(False, wall, rusage.ru_maxrss, stdout,
                         what + (": " + msg if msg else ""))
    return RunResult(True, wall, rusage.ru_maxrss, stdout, None,
                     rusage.ru_utime + rusage.ru_stime)


def measure(argvs, runs, timeout, env, cwd):
    """Run each command of `argvs` `runs` times, taking turns (one run of
    each, then the next round), so that a machine whose speed drifts during
    the measurement slows every command alike.  Returns one Measurement per
    command; a command that fails is not run again."""
    ms = [Measurement() for _ in argvs]
    times = [[] for _ in argvs]
    cpus = [[] for _ in argvs]
    peaks = [[] for _ in argvs]
    for _ in range(runs):
        for i, argv in enumerate(argvs):
            m = ms[i]
            if m.error is not None:
                continue       # no point repeating a failing run
            r = run_once(argv, timeout, env, cwd)
            if not r.ok:
                m.error = r.error
                continue
            times[i].append(r.wall)
            cpus[i].append(r.cpu)
            peaks[i].append(r.maxrss_kb)
            if m.stdout is None:
                m.stdout = r.stdout
            elif r.stdout != m.stdout:
                m.unstable = True
    for i, m in enumerate(ms):
        if m.error is None:
            m.ok = True
            m.time = min(times[i])
            m.cpu = min(cpus[i])
            m.peak_mb = max(peaks[i]) / 1024.0
    return ms


def resolve_tangle(path):
    if os.path.isabs(path):
        return path
    if path == DEFAULT_TANGLE or not os.path.exists(path):
        # Relative paths are taken relative to the repository root unless
        # they exist relative to the current directory.
        return os.path.join(REPO_ROOT, path)
    return os.path.abspath(path)


def resolve_nix(path):
    if os.sep in path:
        return os.path.abspath(path)
    found = shutil.which(path)
    if found:
        return found
    if os.path.exists("/usr/bin/" + path):
        return "/usr/bin/" + path
    return path


def list_cases(names):
    # Files whose name starts with `_` are helpers imported by cases, not
    # cases themselves.
    available = sorted(
        f[:-4] for f in os.listdir(CASES_DIR)
        if f.endswith(".nix") and not f.startswith("_")
    )
    if not names:
        return available, []
    chosen, unknown = [], []
    for n in names:
        n = os.path.basename(n)
        if n.endswith(".nix"):
            n = n[:-4]
        (chosen if n in available else unknown).append(n)
    return chosen, unknown


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt(value, spec, width):
    if value is None:
        return "-".rjust(width)
    return format(value, spec).rjust(width)


def preview(data, limit=60):
    text = data.decode("utf-8", "replace").strip().replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 3] + "..."


def main():
    ap = argparse.ArgumentParser(
        description="Compare Tangle with nix-instantiate on bench/cases.")
    ap.add_argument("cases", nargs="*",
                    help="case names (e.g. fib or fib.nix); default: all")
    ap.add_argument("--tangle", default=DEFAULT_TANGLE,
                    help="Tangle binary (default: %(default)s, relative to "
                         "the repository root)")
    ap.add_argument("--nix", default="nix-instantiate",
                    help="nix-instantiate binary (default: from PATH)")
    ap.add_argument("--runs", type=int, default=3,
                    help="runs per case and evaluator; the minimum wall "
                         "time is reported (default: %(default)s)")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="time limit per run in seconds (default: %(default)s)")
    args = ap.parse_args()

    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if args.timeout <= 0:
        ap.error("--timeout must be positive")

    cases, unknown = list_cases(args.cases)
    if unknown:
        ap.error("unknown case(s): %s (available: %s)" % (
            ", ".join(unknown), ", ".join(list_cases([])[0])))
    if not cases:
        ap.error("no cases found in %s" % CASES_DIR)

    tangle = resolve_tangle(args.tangle)
    nix = resolve_nix(args.nix)
    tangle_missing = None
    if not (os.path.isfile(tangle) and os.access(tangle, os.X_OK)):
        tangle_missing = "not found or not executable: %s" % tangle
        print("warning: Tangle %s (build it with `cargo build --release`); "
              "only nix-instantiate will be measured" % tangle_missing,
              file=sys.stderr)

    env = dict(os.environ)
    env.pop("NIX_PATH", None)   # cases must not depend on <nixpkgs> etc.
    env["TZ"] = "UTC"

    print("tangle: %s" % tangle)
    print("nix:    %s" % nix)
    print("runs: %d (min wall time, max peak RSS), timeout: %gs"
          % (args.runs, args.timeout))
    print()

    width = max([12] + [len(c) for c in cases])
    header = "%-*s %9s %9s %7s %8s %8s %7s %9s %9s %7s  %s" % (
        width, "case", "nix s", "tangle s", "ratio", "nix cpu", "tgl cpu",
        "cpu", "nix MB", "tangle MB", "mem", "status")
    print(header)
    print("-" * len(header))
    sys.stdout.flush()

    time_ratios, cpu_ratios, mem_ratios = [], [], []
    failures = []
    notes = []
    for case in cases:
        path = os.path.join(CASES_DIR, case + ".nix")
        nix_argv = [nix, "--eval", "--strict", path]
        if tangle_missing:
            [n] = measure([nix_argv], args.runs, args.timeout, env, CASES_DIR)
            t = Measurement()
            t.error = tangle_missing
        else:
            n, t = measure([nix_argv, [tangle, "eval", "--strict", path]],
                           args.runs, args.timeout, env, CASES_DIR)

        ratio = mem = cpu = None
        if not n.ok and not t.ok:
            status = "BOTH FAILED"
        elif not n.ok:
            status = "NIX ERROR"
        elif not t.ok:
            status = "TANGLE MISSING" if tangle_missing else "TANGLE ERROR"
        elif n.stdout != t.stdout:
            status = "MISMATCH"
        else:
            status = "ok"
            ratio = n.time / t.time if t.time > 0 else None
            mem = n.peak_mb / t.peak_mb if t.peak_mb > 0 else None
            cpu = n.cpu / t.cpu if t.cpu > 0 else None
            time_ratios.append(ratio)
            if cpu:
                cpu_ratios.append(cpu)
            mem_ratios.append(mem)

        if status != "ok":
            failures.append(case)
        if n.ok and t.ok and status == "MISMATCH":
            notes.append("%s: MISMATCH\n    nix:    %s\n    tangle: %s"
                         % (case, preview(n.stdout), preview(t.stdout)))
        if not n.ok:
            notes.append("%s: nix-instantiate failed: %s" % (case, n.error))
        if not t.ok and not tangle_missing:
            notes.append("%s: tangle failed: %s" % (case, t.error))
        for who, m in (("nix-instantiate", n), ("tangle", t)):
            if m.unstable:
                notes.append("%s: %s printed different output on repeated "
                             "runs" % (case, who))

        print("%-*s %s %s %s %s %s %s %s %s %s  %s" % (
            width, case,
            fmt(n.time, ".3f", 9), fmt(t.time, ".3f", 9),
            fmt(ratio, ".2f", 7),
            fmt(n.cpu, ".3f", 8), fmt(t.cpu, ".3f", 8),
            fmt(cpu, ".2f", 7),
            fmt(n.peak_mb, ".1f", 9), fmt(t.peak_mb, ".1f", 9),
            fmt(mem, ".2f", 7),
            status))
        sys.stdout.flush()

    print("-" * len(header))
    gt, gm = geomean(time_ratios), geomean(mem_ratios)
    gc = geomean(cpu_ratios)
    print("geometric mean over %d ok case(s): time ratio %s, CPU ratio %s, "
          "memory ratio %s"
          % (len(time_ratios),
             fmt(gt, ".2f", 0) if gt else "-",
             fmt(gc, ".2f", 0) if gc else "-",
             fmt(gm, ".2f", 0) if gm else "-"))
    print("(ratios are nix / tangle: above 1 means Tangle is faster / "
          "uses less memory)")

    if tangle_missing:
        notes.insert(0, "tangle: " + tangle_missing)
    if notes:
        print()
        for note in notes:
            print(note)
    if failures:
        print()
        print("FAILED: %s" % ", ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        sys.exit(130)
