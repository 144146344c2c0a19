# oracle-skip: Nix 2.8 writes the byte as it is; current Nix (2.34) refuses, in --json output too, a string that is not UTF-8
# args: --strict --json
{ s = builtins.substring 0 2 "aé"; }
