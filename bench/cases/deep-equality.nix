# `==` on big nested structures: an attribute set of 3 000 lists, each of 12
# attribute sets that hold lists of sets, strings, ints, bools and null.
# Every structure is built by its own call, so no part of one is ever
# pointer-equal to a part of another and nothing can be cut short. Equal
# structures are compared whole 10 times and group by group (also wrapped in
# fresh sets); unequal ones differ only in the last element of every list
# (found after walking the rest of it), in one group's key set, or in one
# group's list length.
let
  inherit (builtins) genList listToAttrs attrNames length filter map;

  count = xs: length (filter (x: x) xs);

  # `salt` shows up only in the last element of every list.
  mk = { groups, salt ? 0, extraKey ? false, shortGroup ? -1 }:
    (listToAttrs (genList
      (i: {
        name = "group-${toString i}";
        value = genList
          (j: {
            id = i * 100 + j;
            label = "item-${toString i}-${toString j}";
            enabled = (i + j) / 3 * 3 == i + j;
            meta = null;
            attrs = {
              x = i;
              y = [ j (j + 1) ];
              z = { w = "w${toString j}"; empty = { }; nil = [ ]; };
            };
            children = genList
              (k: {
                k = k;
                v = [
                  (i + k)
                  "c${toString k}"
                  { deep = [ j k (if j == 11 && k == 3 then salt else 0) ]; }
                ];
              })
              4;
          })
          (if i == shortGroup then 11 else 12);
      })
      groups))
    // (if extraKey then { extra = true; } else { });

  groups = 3000;
  a = mk { inherit groups; };
  b = mk { inherit groups; };
  lastLeaf = mk { inherit groups; salt = 1; };
  moreKeys = mk { inherit groups; extraKey = true; };
  shorter = mk { inherit groups; shortGroup = groups - 1; };

  names = attrNames a;

  whole = count (genList (r: if r / 2 * 2 == r then a == b else b == a) 10);
  perGroup = count (map (n: a.${n} == lastLeaf.${n}) names)
    + count (map (n: b.${n} == a.${n}) names);
  unequal = count [ (a == lastLeaf) (a == moreKeys) (moreKeys == a) (a == shorter) (a != b) ];
  nested = count (map (n: { g = a.${n}; } == { g = b.${n}; }) names);
in
"${toString whole} ${toString perGroup} ${toString unequal} ${toString nested}"
