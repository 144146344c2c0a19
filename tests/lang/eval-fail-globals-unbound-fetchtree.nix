# oracle-skip: 2.8 binds `fetchTree` (unused here, so no call is made); current Nix (2.26) binds it only with the experimental feature `flakes`, off by default: undefined variable. Expected output from Nix 2.26.3 (oracle.py check-current)
let x = fetchTree; in x
