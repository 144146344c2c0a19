# Many small function calls: attribute-set patterns with defaults (including
# defaults that refer to other formals), `...` and `@` patterns, curried
# calls, functions stored in attribute sets, and short `let` blocks inside
# function bodies.  Measures call setup, pattern matching and environment
# allocation rather than data-structure work.
let
  inherit (builtins) foldl' genList;

  abs = n: if n < 0 then -n else n;
  max = a: b: if a > b then a else b;

  mkPoint = { x, y ? 0, z ? x + y }: { inherit x y z; };

  manhattan = { x, y, z, ... }:
    let
      ax = abs x;
      ay = abs y;
      az = abs z;
    in
    ax + ay + az;

  scaleBy = k: { x, y, z }@p: p // { x = x * k; y = y * k; z = z * k; };

  clamp = { value, lo ? 0, hi ? 1000 }:
    if value < lo then lo else if value > hi then hi else value;

  ops = {
    add = a: b: a + b;
    sub = a: b: a - b;
    mix = { a, b, w ? 3 }: let s = a * w + b; in s - a;
  };

  step = acc: i:
    let
      p = mkPoint { x = i - 500; y = i / 3; };
      q = mkPoint { x = i; };
      r = scaleBy 2 (mkPoint { x = 7 - i; y = 1; z = i / 2; });
      d = manhattan p + manhattan q + manhattan (r // { extra = true; });
      m = ops.mix { a = d; b = i; } + ops.mix { a = i; b = d; w = 1; };
      c = clamp { value = ops.sub m (max d i); hi = 5000; };
    in
    ops.add acc c;

  n = 150000;
in
foldl' step 0 (genList (i: i) n)
