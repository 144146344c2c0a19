# builtins.sort on 100 000 pseudo-random integers: with builtins.lessThan
# (compared without a call), with the lambda `a: b: a < b`, and with a
# lambda whose body is more than one comparison (`a: b: a - b < 0`), so that
# every comparison calls Nix code. Also a descending sort and a sort of
# records by a field (20 000 elements each).
let
  inherit (builtins) genList sort lessThan elemAt head length foldl';
  n = 100000;
  # A 31-bit linear congruential generator, step i of a sequence seeded by i.
  rand = i: let x = i * 1103515245 + 12345; in x - (x / 2147483648) * 2147483648;
  xs = genList (i: rand (rand i)) n;

  byLessThan = sort lessThan xs;
  byLambda = sort (a: b: a < b) xs;
  byCall = sort (a: b: a - b < 0) xs;
  descending = sort (a: b: b < a) (genList (i: rand i) 20000);
  records = sort (a: b: a.k < b.k) (genList (i: { k = rand (i + 7); v = i; }) 20000);

  isSorted = l: foldl' (ok: i: ok && !(elemAt l (i + 1) < elemAt l i)) true
    (genList (i: i) (length l - 1));
in
[
  (head byCall) (elemAt byCall 50000) (isSorted byCall)
  (byLambda == byLessThan) (byCall == byLessThan)
  (head descending)
  (head records).v
]
