# Deep structural equality (`==`): two independently built (so never
# pointer-identical) wide structures - lists of attribute sets holding lists,
# strings and nested sets - compared repeatedly, including a comparison that
# only fails at the very last leaf, plus very deep nested lists and sets
# (10000 levels) to exercise recursion depth in the comparison.
let
  inherit (builtins) foldl' genList length filter;

  count = xs: length (filter (x: x) xs);

  # `salt` only affects the final element, so equal structures must be
  # walked completely before a difference is found.
  mkWide = n: salt: genList
    (i: {
      id = i;
      name = "node-${toString i}";
      tags = genList (j: j * i) 8;
      sub = {
        xs = [ i (i + 1) [ (i * 2) "x" ] ];
        flag = i / 2 * 2 == i;
        last = if i == n - 1 then salt else null;
      };
    })
    n;

  nWide = 30000;
  a = mkWide nWide 0;
  b = mkWide nWide 0;
  c = mkWide nWide 1;

  # Repeated comparisons of the same (already forced) structures.
  wideEq = count (genList (_: a == b) 8);
  wideNe = count (genList (_: a == c) 8);

  depth = 10000;
  deepList = leaf: foldl' (acc: i: [ i acc ]) [ leaf ] (genList (i: i) depth);
  deepSet = leaf: foldl' (acc: i: { v = i; next = acc; }) { v = leaf; } (genList (i: i) depth);

  l1 = deepList "leaf";
  l2 = deepList "leaf";
  l3 = deepList "other";
  s1 = deepSet 0;
  s2 = deepSet 0;
  s3 = deepSet 1;

  deepEq = count (genList (_: l1 == l2 && s1 == s2) 150);
  deepNe = count (genList (_: l1 == l3 || s1 == s3) 150);
in
"${toString wideEq} ${toString wideNe} ${toString deepEq} ${toString deepNe}"
