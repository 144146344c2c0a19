# Out of the integer range (and NaN) C++ Nix 2.8 on x86-64 gives the
# smallest integer.
let inf = 1.0e308 * 10; in [
  (builtins.ceil 1.0e30) (builtins.floor (-1.0e30)) (builtins.ceil inf) (builtins.floor (-inf))
  (builtins.ceil (inf - inf)) (builtins.ceil 9.3e18) (builtins.floor 9223372036854775807)
]
