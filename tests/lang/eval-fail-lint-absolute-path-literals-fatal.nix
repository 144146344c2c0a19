# oracle-skip: the lint settings are newer than Nix 2.8; with lint-absolute-path-literals = fatal, current Nix (2.34) refuses a home path as well as an absolute one
# args: --strict --lint-absolute-path-literals fatal
[ ./a <nix/fetchurl.nix> ~/x/y /z ]
