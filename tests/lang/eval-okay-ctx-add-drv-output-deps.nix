# oracle-skip: builtins.addDrvOutputDependencies was added after Nix 2.8 (Nix 2.19); expected output from the Nix manual ("Built-in functions": a single constant context element becomes a "derivation deep" element; applying it again changes nothing)
let
  s = builtins.appendContext "x" { "/nix/store/00000000000000000000000000000000-foo.drv" = { path = true; }; };
  t = builtins.addDrvOutputDependencies s;
in [ (builtins.getContext t) (builtins.getContext (builtins.addDrvOutputDependencies t)) t ]
