#!/usr/bin/env bash
# Every test Tangle has: unit tests, the language and derivation corpora
# (cargo test), and the oracle checks that re-run both corpora through C++ Nix
# (nix-instantiate 2.8, then current Nix 2.34 for what 2.8 cannot judge).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v nix-instantiate >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing nix-bin (C++ Nix, the oracle) =="
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq nix-bin >/dev/null
  fi
fi

echo "== cargo build + test =="
cargo build --release --workspace
cargo test --release --workspace

echo "== oracle check: corpus against nix-instantiate =="
if command -v nix-instantiate >/dev/null 2>&1; then
  python3 tests/oracle/oracle.py check
  echo "== oracle check: derivation corpus (drv paths and .drv bytes) =="
  python3 tests/oracle/drv_oracle.py check
  echo "== oracle check: complete error output with source excerpts (tests/excerpt) =="
  python3 tests/oracle/excerpt.py check
  echo "== oracle check: type-error values and oracle-skip cases against current Nix 2.34 =="
  # Downloads Debian forky's nix-bin into ~/.cache/tangle (once); without
  # network it prints "check-current skipped: ..." and succeeds.
  python3 tests/oracle/oracle.py check-current
else
  echo "nix-instantiate is not installed and could not be installed (need root + apt-get);"
  echo "install nix-bin and re-run for the oracle check."
  exit 1
fi

echo "== differential tester: 300 random programs against current Nix 2.34 =="
# Fixed seed; skipped (exit 0, "difftest skipped: ...") when current Nix
# cannot be fetched. Left out until fixed, as each makes a known class of
# disagreement (see tests/difftest/known-bugs.txt): --json output and
# toJSON (floats), failing `assert a == b` (2.34
# explains the inequality), fromJSON syntax errors (newer nlohmann
# wording).
python3 tests/difftest/run.py --seed 1 --count 300 --jobs 2 --json-rate 0 \
  --exclude b-toJSON,err-assert-eq,err-fromJSON \
  --out target/difftest-ci --skip-unavailable
