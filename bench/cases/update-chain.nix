# Long `//` chains: a small set layered onto a large one (6 000-10 000
# attributes) 4 000-5 000 times each, in three folds
# (`acc // { x = ...; }`), the way overlays and `overrideAttrs` pile
# updates onto a big set.
# Each step overwrites a few attributes, reads some of the previous ones,
# and now and then adds a new one, so the set grows slowly. Every step's
# values are forced (no thunk chains keep old sets alive). Also the mirrored
# form `{ ... } // acc` (small set on the left) and chains of several small
# sets per step.
let
  inherit (builtins) foldl' genList listToAttrs attrNames attrValues length seq;

  mod = a: b: a - a / b * b;
  sum = foldl' (a: b: a + b) 0;

  large = n: listToAttrs (genList (i: { name = "attr${toString i}"; value = i; }) n);

  # 1. acc // { ... }: overwrite `x`, `count` and one of 64 slots; every
  #    50th step adds a new attribute.
  chain1 = foldl'
    (acc: i:
      let
        x = acc.x + i;
        slot = "slot${toString (mod i 64)}";
        extra = if mod i 50 == 0 then { "new${toString i}" = i; } else { };
      in
      seq x (acc // { inherit x; count = i; ${slot} = x; } // extra))
    (large 10000 // { x = 0; count = 0; })
    (genList (i: i) 5000);

  # 2. { ... } // acc: the small set is on the left, so only new names
  #    survive and everything in acc wins.
  chain2 = foldl'
    (acc: i:
      let y = acc.attr5 + (acc.${"fresh${toString (i / 10)}"} or 0); in
      seq y ({ "fresh${toString (i / 10)}" = y; attr5 = -1; } // acc))
    (large 8000)
    (genList (i: i) 4000);

  # 3. Three small layers per step (defaults, overrides, bookkeeping).
  chain3 = foldl'
    (acc: i:
      let z = acc.z * 3 + i; zm = mod z 1000003; in
      seq zm (acc // { z = zm; } // { "attr${toString (mod (i * 37) 6000)}" = i; } // { steps = i + 1; }))
    (large 6000 // { z = 1; })
    (genList (i: i) 4000);
in
"${toString chain1.x} ${toString (length (attrNames chain1))} ${toString (sum (attrValues chain2))} ${toString chain3.z} ${toString (sum (attrValues chain3))}"
