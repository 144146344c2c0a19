# Building attribute sets the way library code does: `listToAttrs` with
# duplicate names (the first one wins), `mapAttrs` over nested sets,
# `removeAttrs` with long name lists, hand-written `filterAttrs`,
# `mapAttrsToList` and `recursiveUpdate` (merging nested configuration
# trees three levels deep, where sets merge and everything else is
# replaced), and `attrNames`/`attrValues` to walk the results.
let
  inherit (builtins) foldl' genList listToAttrs mapAttrs removeAttrs
    attrNames attrValues isAttrs length concatLists head;

  mod = a: b: a - a / b * b;
  sum = foldl' (a: b: a + b) 0;
  nameValuePair = name: value: { inherit name value; };

  filterAttrs = pred: set: listToAttrs (concatLists (map
    (name: let v = set.${name}; in if pred name v then [ (nameValuePair name v) ] else [ ])
    (attrNames set)));
  mapAttrsToList = f: set: map (name: f name set.${name}) (attrNames set);

  # Sets merge recursively; anything else on the right replaces the left.
  recursiveUpdate = lhs: rhs:
    lhs // mapAttrs
      (name: r:
        if isAttrs r && lhs ? ${name} && isAttrs lhs.${name}
        then recursiveUpdate lhs.${name} r
        else r)
      rhs;

  # 1. listToAttrs with duplicates: 150 000 pairs over 20 000 names.
  pairs = genList (i: nameValuePair "n${toString (mod (i * 7) 20000)}" i) 150000;
  dedup = listToAttrs pairs;
  dedupSum = sum (attrValues dedup) + length (attrNames dedup);

  # 2. A tree of services: 300 services x 12 options x small leaves.
  tree = salt: listToAttrs (genList
    (s: nameValuePair "svc${toString s}" (listToAttrs (genList
      (o: nameValuePair "opt${toString o}" {
        value = s * o + salt;
        enable = mod (s + o) 3 == 0;
        tags = [ s o ];
      })
      12)))
    300);
  base = tree 0;

  # 150 layers of 100 services each, touching a strided subset at every
  # depth; some replace a
  # whole option with a non-set, some add new leaves.
  layer = k: listToAttrs (genList
    (j:
      let s = mod (j * 13 + k * 7) 300; in
      nameValuePair "svc${toString s}" {
        "opt${toString (mod (j + k) 12)}" = { value = k * 1000 + j; extra = k; };
        "opt${toString (mod (j + k + 5) 12)}" = if mod j 4 == 0 then j else { enable = true; };
        "new${toString k}" = { added = j; };
      })
    100);
  merged = foldl' recursiveUpdate base (genList layer 150);

  leafValue = v: if isAttrs v then (v.value or 0) + (v.extra or 0) + (if v.enable or false then 1 else 0) else v;
  treeSum = t: sum (mapAttrsToList (_: svc: sum (map leafValue (attrValues svc))) t);

  # 3. mapAttrs over the nested tree, twice, then filter and remove.
  scaled = mapAttrs (_: svc: mapAttrs (_: o: if isAttrs o then o // { value = (o.value or 0) * 2; } else o) svc) merged;
  enabledOnly = mapAttrs (_: svc: filterAttrs (_: o: isAttrs o && (o.enable or false)) svc) scaled;
  dropped = removeAttrs enabledOnly (genList (i: "svc${toString (i * 2)}") 150);
  trimmed = mapAttrs (_: svc: removeAttrs svc (genList (o: "opt${toString o}") 6)) dropped;
  countLeaves = t: sum (map (svc: length (attrNames svc)) (attrValues t));

  # 4. Re-keying: mapAttrsToList + listToAttrs, many rounds over 5 000 names.
  flat = listToAttrs (genList (i: nameValuePair "f${toString i}" i) 5000);
  rekey = foldl'
    (acc: r:
      let next = listToAttrs (mapAttrsToList (name: v: nameValuePair name (v + r)) acc);
      in builtins.seq (head (attrValues next)) next)
    flat
    (genList (r: r) 100);
  rekeySum = sum (attrValues rekey);
in
"${toString dedupSum} ${toString (treeSum merged)} ${toString (treeSum scaled)} ${toString (countLeaves enabledOnly)} ${toString (countLeaves trimmed)} ${toString rekeySum}"
