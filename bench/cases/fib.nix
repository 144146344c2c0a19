# Naive doubly-recursive Fibonacci: function-call and integer-arithmetic
# overhead, with no data structures at all.
let
  fib = n: if n < 2 then n else fib (n - 1) + fib (n - 2);
in
fib 30
