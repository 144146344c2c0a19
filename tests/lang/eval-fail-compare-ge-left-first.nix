# `a >= b` is `!(a < b)`: the left operand first; `a > b` swaps the
# operands, so the message names the right one first.
[ ((throw "left") >= (throw "right")) (1 > "a") ]
