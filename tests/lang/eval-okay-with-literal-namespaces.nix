# `with` of set literals: a name a literal lacks is looked up further out,
# and one no scope has fails only when evaluated
let
  outer = { b = 2; c = 3; };
  lazyMissing = with { a = 1; }; missing;
in
with outer;
[
  (with { a = 1; }; a + b)
  (with { a = 1; inherit (outer) c; }; c)
  (with { a = 1; }; with { b = 10; }; a + b + c)
  (with rec { a = 1; d = a + 1; }; d + b)
  (with { "x y" = 1; a.b = 2; }; a.b + b)
  (with { ${"b"} = 20; }; b)
  (builtins.length [ lazyMissing ])
  (builtins.tryEval (with { a = 1; }; builtins.seq a true))
]
