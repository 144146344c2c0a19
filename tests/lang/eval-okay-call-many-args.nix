# Calls with several arguments at once (`f a b c`): curried lambdas,
# formals in the middle, lambdas that compute the function they return,
# builtins given all, some, or more than their arguments, functors, and a
# long tail-recursive loop of two-argument calls.
let
  add3 = a: b: c: a + b + c;
  withSet = a: { x, y ? 10 }: c: a + x + y + c;
  computed = a: let f = b: a * b; in f;
  partial = add3 1;
  elem = builtins.elemAt [ 10 20 30 ];
  functor = { __functor = self: a: b: self.base + a + b; base = 100; };
  go = n: acc: if n == 0 then acc else go (n - 1) (acc + n);
  lazyArgs = a: b: c: a;
  twice = f: x: f (f x);
in
[
  (add3 1 2 3)
  (partial 2 3)
  ((add3 1) 2 3)
  (add3 1 2)
  (withSet 1 { x = 2; } 3)
  (withSet 1 { x = 2; y = 3; } 4)
  (computed 6 7)
  (elem 2)
  (builtins.elemAt [ 1 2 3 ] 0)
  (builtins.foldl' (a: b: a + b) 0 [ 1 2 3 4 ])
  (builtins.trace "over-applied" (x: x + 1) 41)
  (builtins.seq 1 (a: b: a - b) 10 3)
  (functor 1 2)
  (go 10000 0)
  (lazyArgs 1 (throw "not forced") (abort "not forced either"))
  (twice (x: x * 2) 5)
  (builtins.map (add3 1 1) [ 1 2 ])
  (builtins.substring 1 3 "abcdef")
  (builtins.replaceStrings [ "a" ] [ "b" ] "banana")
  (builtins.genList (i: add3 i i i) 4)
]
