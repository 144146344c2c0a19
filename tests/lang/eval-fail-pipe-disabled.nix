# oracle-skip: the pipe operators are newer than Nix 2.8; current Nix (2.34) refuses them while the experimental feature pipe-operators is off (the default)
[ 1 (2 |> (x: x)) ]
