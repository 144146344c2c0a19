# String building: toString of integers, `+` concatenation in a fold (each
# step copies the accumulator), balanced concatenation through `${...}`
# interpolation, indented strings, toString of lists, and string equality.
# The result is a short summary string so printing stays cheap.
let
  inherit (builtins) foldl' genList length filter elemAt;

  sum = foldl' (a: b: a + b) 0;
  count = p: xs: length (filter p xs);

  # 1. Left fold with `+`: the accumulator is copied on every step.
  nFlat = 10000;
  flat = foldl' (acc: i: acc + toString i + ",") "" (genList (i: i) nFlat);

  # 2. The same text built as a balanced tree of interpolations.
  join = lo: hi:
    if hi - lo == 1 then "${toString lo},"
    else
      let mid = (lo + hi) / 2;
      in "${join lo mid}${join mid hi}";
  tree = join 0 nFlat;

  # 3. Many short interpolated strings, each rebuilt and compared.
  nLabels = 200000;
  label = i:
    "item-${toString i}/${toString (i * i)}:${if i / 2 * 2 == i then "even" else "odd"}";
  labels = genList label nLabels;
  evens = count
    (i: elemAt labels i == "item-${toString i}/${toString (i * i)}:even")
    (genList (i: i) nLabels);

  # 4. Indented strings with interpolation and escapes.
  block = i: ''
    entry ${toString i} {
      value = "${toString (i * 3 - 1)}";
      tag = ''${"$"}{not-interpolated};
    }
  '';
  blocks = foldl' (acc: i: acc + block i) "" (genList (i: i) 2000);
  blocksAgain = foldl' (acc: i: acc + block i) "" (genList (i: i) 2000);

  # 5. toString of a list of integers versus an explicit fold.
  nList = 12000;
  listStr = toString (genList (i: i * 11) nList);
  listFold = foldl'
    (acc: i: if i == 0 then toString i else acc + " " + toString (i * 11))
    ""
    (genList (i: i) nList);
in
"flat=${toString (flat == tree)} evens=${toString evens} blocks=${toString (blocks == blocksAgain)} list=${toString (listStr == listFold)}"
