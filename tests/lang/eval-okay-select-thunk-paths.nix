# Thunks that are just an attribute path on a variable (`x.key`,
# `x.v.w`), forced when the variable is evaluated or not yet, with the
# attribute evaluated or not yet.
let
  s = { a = { b = 1; }; c = throw "c"; n = 5; d = { e = s.n * 2; }; };
  l = builtins.genList (i: { key = i; v = { w = i * 2; }; }) 5;
  keys = map (x: x.key) l;
  ws = map (x: x.v.w) l;
  sel = builtins.elemAt [ 10 20 30 ] s.a.b;
  caught = builtins.tryEval (let x = s.c; in x);
  late = let t = { f = builtins.length keys; }; in builtins.elemAt [ 0 1 2 3 4 5 ] t.f;
  nested = builtins.elemAt [ 0 1 2 3 4 5 6 7 8 9 10 ] s.d.e;
in
[ keys ws sel caught late nested (s.a.b + s.n) ]
