# oracle-skip: the pipe operators are newer than Nix 2.8; current Nix (2.34) refuses them while the experimental feature pipe-operators is off (the default); --experimental-features replaces the list --extra-experimental-features added to
# args: --strict --extra-experimental-features pipe-operators --experimental-features flakes
1 |> (x: x)
