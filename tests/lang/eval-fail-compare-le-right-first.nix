# `a <= b` is `!(b < a)` in Nix: the right operand is evaluated first, so
# its error is the one reported.
(builtins.tail [ ]) <= ({ a = 1; }.b)
