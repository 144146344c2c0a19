# oracle-skip: the pipe operators are newer than Nix 2.8; current Nix (2.34) refuses them while the experimental feature pipe-operators is off (the default); --option extra-experimental-features enables it, and --experimental-features before it does not undo that
# args: --strict --experimental-features flakes --option extra-experimental-features pipe-operators
[ (1 |> (x: x + 1)) ((x: x * 2) <| 3) ]
