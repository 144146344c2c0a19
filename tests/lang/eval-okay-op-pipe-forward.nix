# oracle-skip: pipe operators were added in Nix 2.24 (experimental feature pipe-operators); 2.8 cannot parse them. Expected values from the Nix manual (language/operators.md): `a |> f` is `f a`, left-associative; `f <| a` is `f a`, right-associative; both have the lowest precedence (15)
# args: --strict --extra-experimental-features pipe-operators
[ 1 2 3 ] |> builtins.length
