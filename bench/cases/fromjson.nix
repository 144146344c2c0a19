# builtins.fromJSON of a large generated JSON text (about 8 MB: 40 000
# objects with numbers, floats, escaped strings and nested arrays), parsed
# several times, plus many small texts. Measures the JSON reader and
# building the resulting sets and lists.
let
  inherit (builtins) genList fromJSON concatStringsSep length foldl' elemAt;

  record = i: ''{"id": ${toString i}, "name": "item-${toString i}", "ratio": ${toString i}.25e-1, "text": "line\nwith \"quotes\" and \u00e9 \ud83d\ude00", "flags": [true, false, null], "nested": {"a": [${toString i}, ${toString (i * 2)}, {"b": -${toString i}}], "c": {}}}'';

  text = "[\n" + concatStringsSep ",\n" (genList record 40000) + "\n]";

  parse = r: let v = fromJSON text; in length v + (elemAt v r).id + (elemAt v r).nested.c.d or 0;

  small = genList (i: fromJSON "[${toString i}, \"s\", {\"k\": ${toString i}.5}]") 50000;
in
foldl' (a: b: a + b) 0 (genList parse 6) + length small
