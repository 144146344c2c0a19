# Variable lookups through many nested `with` scopes in a hot loop of
# 400 000 iterations. Each iteration opens up to 10 `with` scopes (small
# literal sets, 200-attribute sets built with listToAttrs, a `rec` set, and
# a set made fresh in that iteration) and reads names that live in the
# innermost, the outermost and the middle scopes, names found only after
# missing in every big set, and lexical variables that shadow `with` (a
# `let` or lambda variable always wins over any `with`, however deep).
# Closures created inside `with` scopes are called later, outside them.
let
  inherit (builtins) foldl' genList listToAttrs;

  big = tag: listToAttrs (genList
    (i: { name = "${tag}${toString i}"; value = i; })
    200);

  s1 = { a1 = 1; shared = 1; onlyOuter = 7; };
  s2 = big "b";
  s3 = { a3 = 3; shared = 3; triple = x: x * 3; };
  s4 = big "d";
  s5 = rec { a5 = 5; b5 = a5 * 2; shared = b5; };
  s6 = big "f";
  s7 = { a7 = 7; g = x: y: x + y; };
  s8 = big "h";

  # Lexical variables: `shadowed` is also an attribute of s9 below, and the
  # `let` binding must win.
  shadowed = 1000;
  s9 = { shadowed = -1; a9 = 9; };

  step = acc: i:
    let
      fresh = { cur = i; twice = i * 2; shared = i; };
      v =
        with s1; with s2; with s3; with s4; with s5; with s6; with s7;
        with s8; with s9; with fresh;
        # innermost (fresh), shadowing (`shared` from fresh, `shadowed`
        # lexical), outermost (onlyOuter), middle (a5, b5, triple), and the
        # big sets (b17, d199, f0, h100).
        cur + twice + shared + shadowed + onlyOuter + a1 + a3 + a5 + b5
        + a7 + a9 + triple cur + g b17 d199 + f0 + h100 + i;
      w = with s9; with s8; with s7; with s6; with s5;
        (with s4; with s3; with s2; with s1; a1 + a3 + d5 + b6)
        + a5 + a7 + h3 + f4 + shadowed;
    in
    acc + v - w;

  # closures made under `with`, called outside the scopes
  adders = with s1; with s3; with s5; genList (k: x: x + k + a1 + a3 + a5) 50;
  callAll = x: foldl' (acc: f: acc + f x) 0 adders;

  n = 400000;
in
foldl' step 0 (genList (i: i) n) + callAll 10
