# Attribute-set construction and update: listToAttrs over generated
# name/value pairs, repeated mapAttrs passes, incremental `//` updates in a
# fold (each update copies the set), attribute lookup by dynamic name,
# hasAttr/getAttr, and attrNames/attrValues.
let
  inherit (builtins) foldl' genList listToAttrs mapAttrs attrNames attrValues
    hasAttr getAttr length;

  sum = foldl' (a: b: a + b) 0;
  key = i: "k${toString i}";

  # 1. One big set built in a single listToAttrs call.
  nBig = 100000;
  big = listToAttrs (genList (i: { name = key i; value = i; }) nBig);
  bigSum = sum (genList (i: big.${key i}) nBig);

  # 2. Repeated mapAttrs passes over a medium set; every pass is forced
  #    before the next one so no long thunk chains build up.
  nMed = 4000;
  rounds = 100;
  med0 = listToAttrs (genList (i: { name = key i; value = i; }) nMed);
  medFinal = foldl'
    (acc: r:
      let next = mapAttrs (k: v: v * 3 + r - 2 * v) acc;
      in builtins.seq (sum (attrValues next)) next)
    med0
    (genList (r: r) rounds);
  medSum = sum (attrValues medFinal);

  # 3. Incremental `//` updates, one new attribute per step (quadratic
  #    copying), plus overwrites of existing attributes.
  nInc = 3000;
  inc = foldl'
    (acc: i: (acc // { ${key i} = i; }) // { ${key (i / 2)} = i * 2; })
    { }
    (genList (i: i) nInc);
  incSum = sum (attrValues inc) + length (attrNames inc);

  # 4. Membership tests and getAttr against the big set.
  hits = sum (genList
    (i: if hasAttr (key (i * 3)) big then getAttr (key (i * 3)) big else 1)
    nBig);

  # 5. Merging many mid-size sets together.
  chunks = genList
    (c: listToAttrs (genList (i: { name = key (c * 100 + i); value = c; }) 200))
    300;
  merged = foldl' (a: b: a // b) { } chunks;
  mergedSum = sum (attrValues merged) + length (attrNames merged);
in
bigSum + medSum + incSum + hits + mergedSum
