# Several arguments at once where the last lambda takes formals: the set
# argument evaluated already, still a thunk, a call result, with `@`,
# defaults that refer to the curried parameter, and `...`.
let
  scale = k: { x, y ? x * k, ... }@p: [ (x * k) y (p.z or 0) ];
  mk = x: { inherit x; z = x + 1; };
  pair = a: b: { c ? a + b }: c;
  s = { x = 2; };
in
[
  (scale 3 s)
  (scale 3 { x = 1; y = 5; })
  (scale 2 (mk 4))
  (scale 2 (let t = { x = 10; }; in t))
  (pair 1 2 { })
  (pair 1 2 { c = 7; })
  (map (scale 10) [ { x = 1; } { x = 2; y = 0; } ])
  (builtins.tryEval (scale 1 (throw "no set")))
]
