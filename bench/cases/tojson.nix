# builtins.toJSON of large values: 30 000 attribute sets (ints, floats,
# strings that need escaping, null, Booleans, nested lists and sets), a
# 100 000-element integer list and a 2 000-deep nesting, each converted
# several times (the values are built once, so the conversions dominate).
# Measures walking and forcing values, attribute order, number and string
# formatting, and building one large string.
let
  inherit (builtins) genList toJSON stringLength foldl';

  records = genList (i: {
    id = i;
    name = "item-${toString i}";
    ratio = i / 7.0;
    quote = "say \"hi\"\n\ttab ${toString (i * 3)}";
    flags = [ (i / 2 * 2 == i) null ];
    nested = { a = i; b = [ i (i + 1) { c = "x"; } ]; };
  }) 30000;

  ints = genList (i: i * 7919) 100000;

  deep = foldl' (acc: i: { "k${toString i}" = acc; l = [ i ]; }) { } (genList (i: i) 2000);

  sizes = genList (r: stringLength (toJSON (if r == 0 then records else [ r records ]))) 8
    ++ genList (r: stringLength (toJSON [ r ints ])) 10
    ++ genList (r: stringLength (toJSON [ r deep ])) 20;
in
foldl' (a: b: a + b) 0 sizes
