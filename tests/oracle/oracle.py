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
  # gc-torture: skip: REASON   (read by crates/tangle-cli/tests/corpus.rs)
                               the GC-torture run of the corpus runs this
                               case without torture (too big or deep).

Paths are normalised: the absolute path of tests/lang becomes @DIR@.
An `.err` file holds the first paragraph of the error output: from the first
line starting with `error:` up to the first empty line.

Calls with a missing or unexpected argument are judged in current Nix's
wording too (`function 'f' called without required argument 'a'`, no
position, the argument's name quoted as current Nix quotes attribute
names): `current_line` translates 2.8's line exactly, and `check-current`
judges those cases with Nix 2.34 itself.

Type errors are judged in current Nix's wording, which 2.8 does not have.
Since Nix 2.20 (manual, release notes 2.20: "Type errors include the
failing value", "Coercion errors include the failing value"), a type error
names the type wanted first and then shows the value itself, printed with
Nix's error print options (src/libexpr/print.cc, print-options.hh:
`errorPrintOptions`); comparisons show both values (primops.cc,
`CompareValues`). The check translates each 2.8 line:

  value is T while W was expected      -> expected W but found T: VALUE
  attempt to call something which is
    not a function but T               -> ... not a function but T: VALUE
  cannot coerce T to a string          -> cannot coerce T to a string: VALUE
  cannot compare T with U              -> cannot compare T with U; values are
                                          V1 and V2 (types differ), or
                                          ...; values of that type are
                                          incomparable (values are V1 and V2)

and compares everything up to and including the colon (or "values are ")
exactly, as well as every other line of the paragraph (positions, hints).
The value rendering after it is the one part 2.8 cannot judge: it is
checked to be there (non-empty, and closed by `)` in the incomparable
form) but its text comes from current Nix's printing rules, reviewed by
hand and tested in crates/tangle-eval/src/print/error_value.rs. `gen`
writes the translated line with the placeholder @VALUE@, to be filled in
by hand from those rules; `check` fails while a placeholder is left.

Current Nix judges what 2.8 cannot: `check-current` runs Debian forky's
nix-bin 2.34.8, unpacked into a private prefix by current_nix.py
(~/.cache/tangle/nix-2.34.8, or $TANGLE_CURRENT_NIX_PREFIX; nothing is
installed system-wide, /nix is not touched), on every case of tests/lang
and tests/drv whose expected message is a type error in current wording,
and on every `# oracle-skip:` case (current_check.py). It compares the
innermost `error:` line of 2.34's output (the message after its trace)
with the first line of the `.err` file exactly, and okay cases' stdout
exactly. So the value text after the colon is checked by a real current
Nix, the values of comparison errors ("; values are V1 and V2") included.
Deliberate disagreements (Tangle keeps 2.8's evaluation order) are listed
with their reasons in current-known.txt. If the download fails (no
network), the check prints "check-current skipped: ..." and succeeds.

Usage:
  oracle.py gen [CASE.nix ...]   write expected files with nix-instantiate
                                 (default: every case without one)
  oracle.py check                re-run every unmarked case through
                                 nix-instantiate and fail on any disagreement
  oracle.py check-current [-v]   the cases above through current Nix 2.34.8
                                 (-v: print every case)
"""
import os
import re
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


# 2.8's type errors, and what current Nix writes up to the value.
VALUE_PLACEHOLDER = "@VALUE@"
_EXPECTED = re.compile(r"^(.*?)value is (.+?) while (.+) was expected$")
_CALL = re.compile(r"^(.*?)attempt to call something which is not a function but (.+)$")
_COERCE = re.compile(r"^(.*?)cannot coerce (.+) to a string$")
_COMPARE = re.compile(r"^(.*?)cannot compare (.+?) with (.+)$")


def _function_type(t):
    return t == "a function" or t.startswith("the built-in function ") or \
        t.startswith("the partially applied built-in function ")


# 2.8's messages for a call with a missing or unexpected argument, which
# current Nix words `function 'f' called …` (`'anonymous lambda'` when the
# function has no name), without the function's position.
_CALL_ARG = re.compile(
    r"^(.*?)(?:'([^']*)'|anonymous function) at \S+:\d+:\d+ "
    r"(called (?:without required|with unexpected) argument '.*')$")


def current_line(line):
    """A line of 2.8's error output in current Nix's exact wording, for the
    messages only the wording of which changed; None for any other."""
    m = _CALL_ARG.match(line)
    if m:
        lead, name, rest = m.groups()
        # The argument's name as current Nix prints attribute names:
        # keywords quoted too, `$` escaped only before `{`.
        m2 = re.match(r"^(called with unexpected argument )'(.*)'$", rest)
        if m2:
            arg = m2.group(2)
            if arg in _KEYWORDS:
                arg = '"%s"' % arg
            arg = re.sub(r"\\\$(?!\{)", "$", arg)
            rest = "%s'%s'" % (m2.group(1), arg)
        return "%sfunction '%s' %s" % (lead, name if name is not None else "anonymous lambda", rest)
    return None


# The keywords current Nix quotes as attribute names (not `or`).
_KEYWORDS = {"if", "then", "else", "assert", "with", "let", "in", "rec", "inherit"}


def current_form(line):
    """For a line of 2.8's error output that is a type error: (prefix,
    suffix) of current Nix's line, which holds the value between the two;
    None for any other line."""
    m = _EXPECTED.match(line)
    if m:
        return "%sexpected %s but found %s: " % (m.group(1), m.group(3), m.group(2)), ""
    m = _CALL.match(line)
    if m:
        return "%sattempt to call something which is not a function but %s: " % (
            m.group(1), m.group(2)), ""
    m = _COERCE.match(line)
    if m:
        return "%scannot coerce %s to a string: " % (m.group(1), m.group(2)), ""
    m = _COMPARE.match(line)
    if m:
        lead, a, b = m.groups()
        if a == b or (_function_type(a) and _function_type(b)):
            return ("%scannot compare %s with %s; values of that type are "
                    "incomparable (values are " % (lead, a, b)), ")"
        return "%scannot compare %s with %s; values are " % (lead, a, b), ""
    return None


def translate(paragraph):
    """2.8's error paragraph in current Nix's wording, with the values left
    as VALUE_PLACEHOLDER (what `gen` writes)."""
    out = []
    for line in paragraph.split("\n"):
        form = current_form(line)
        out.append(line if form is None else form[0] + VALUE_PLACEHOLDER + form[1])
    return "\n".join(out)


def error_mismatch(oracle, want):
    """None if the expected paragraph `want` agrees with 2.8's `oracle`
    paragraph (type errors translated, their values not judged), else a
    description of the first difference."""
    if VALUE_PLACEHOLDER in want:
        return "the expected file still holds %s" % VALUE_PLACEHOLDER
    got_lines, want_lines = oracle.split("\n"), want.split("\n")
    if len(got_lines) != len(want_lines):
        return "oracle says %r, expected file says %r" % (oracle[:300], want[:300])
    for got, exp in zip(got_lines, want_lines):
        got = current_line(got) or got
        form = current_form(got)
        if form is None:
            if got != exp:
                return "oracle says %r, expected file says %r" % (got[:300], exp[:300])
            continue
        prefix, suffix = form
        if not (exp.startswith(prefix) and exp.endswith(suffix)
                and len(exp) > len(prefix) + len(suffix)):
            return "oracle (in current wording) says %r...%r, expected file says %r" % (
                prefix[:300], suffix, exp[:300])
    return None


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


def name_is_fail(case):
    return os.path.basename(case).startswith("eval-fail-")


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
        if "--json" in directives(case)[0]:
            # Current Nix ends each JSON value with a newline; 2.8 wrote
            # none, and a value never contains one.
            out = out + "\n"
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
        if name_is_fail(case):
            text = translate(text)
        with open(expected_path(case), "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(text)
        print("wrote %s" % expected_path(case))
        if VALUE_PLACEHOLDER in text:
            print("  fill in %s by hand (current Nix's error printing rules)" % VALUE_PLACEHOLDER)
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
        elif name_is_fail(case) and error_mismatch(text, want):
            print("FAIL %s: %s" % (name, error_mismatch(text, want)))
            failed += 1
        elif not name_is_fail(case) and text != want:
            print("FAIL %s: oracle says %r, expected file says %r" % (name, text[:300], want[:300]))
            failed += 1
        else:
            passed += 1
    print("oracle: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("gen", "check", "check-current"):
        print(__doc__)
        return 2
    if sys.argv[1] == "check-current":
        import current_check
        return current_check.check_current(verbose="-v" in sys.argv[2:])
    if sys.argv[1] == "gen":
        return gen(sys.argv[2:])
    return check()


if __name__ == "__main__":
    sys.exit(main())
