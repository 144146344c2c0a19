# oracle-skip: the pipe operators are newer than Nix 2.8; current Nix (2.34) refuses them while the experimental feature pipe-operators is off (the default), at the first one it reads (the right-associative <| too)
f: g: f <| g <| 1
