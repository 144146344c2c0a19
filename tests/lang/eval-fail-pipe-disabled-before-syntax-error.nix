# oracle-skip: the pipe operators are newer than Nix 2.8; current Nix (2.34) refuses them while the experimental feature pipe-operators is off (the default), as it reads the operator: before the syntax error after it
1 |> )
