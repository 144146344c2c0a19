# oracle-skip: builtins.warn is newer than Nix 2.8 (added in 2.23); expected output from the Nix manual (builtins.warn returns its second argument); the warning text with the call's position is checked in crates/tangle-cli/tests/builtins_stderr.rs
let
  double = x: builtins.warn "doubling ${toString x}" (x * 2);
in
map double [ 1 2 3 ]
