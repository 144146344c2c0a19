# List processing over 10^5-element lists: map, filter, `++`,
# concatLists, elemAt/head/tail access, length, and a hand-written
# partition and merge sort built from these primitives.
let
  inherit (builtins) foldl' genList length elemAt head tail map filter
    concatLists;

  sum = foldl' (a: b: a + b) 0;
  n = 100000;

  xs = genList (i: i * 7919 - (i * 7919) / 100003 * 100003) n;

  # map / filter chains, several passes with different parameters
  doubled = map (x: x * 2) xs;
  pass = r:
    let
      shifted = map (x: x + r) xs;
      evens = filter (x: x / 2 * 2 == x) shifted;
      small = filter (x: x < 50000 + r) (map (x: x + 1) evens);
    in
    sum (map (x: x - 1) small) + length shifted;
  chain = sum (genList pass 8) + length doubled;

  # concatenation: `++` of two big lists, concatLists of many small ones
  both = doubled ++ xs;
  pairs = concatLists (map (x: [ x (x + 1) ]) xs);
  nested = concatLists (genList (i: genList (j: i + j) 10) (n / 10));
  concats = length both + sum pairs + sum nested;

  # indexed access
  indexed = sum (genList (i: elemAt xs (n - 1 - i) - elemAt doubled i) n);

  # sorting slices: merge sort using head/tail/elemAt (2000 elements) and
  # quicksort using filter partitions (30000 elements)
  take = k: l: genList (i: elemAt l i) k;
  drop = k: l: genList (i: elemAt l (i + k)) (length l - k);
  merge = a: b:
    if a == [ ] then b
    else if b == [ ] then a
    else if head a <= head b then [ (head a) ] ++ merge (tail a) b
    else [ (head b) ] ++ merge a (tail b);
  sort = l:
    let len = length l;
    in if len < 2 then l
    else
      let half = len / 2;
      in merge (sort (take half l)) (sort (drop half l));
  qsort = l:
    if l == [ ] then [ ]
    else
      let
        p = head l;
        rest = tail l;
      in
      qsort (filter (x: x < p) rest) ++ [ p ] ++ qsort (filter (x: x >= p) rest);
  sorted = sort (take 2000 xs);
  qsorted = qsort (take 30000 xs);
  sortCheck = sum (genList
    (i: if elemAt sorted i <= elemAt sorted (i + 1) then 1 else 0)
    (length sorted - 1))
    + sum (genList
      (i: if elemAt qsorted i <= elemAt qsorted (i + 1) then 1 else 0)
      (length qsorted - 1));
in
chain + concats + indexed + sortCheck
