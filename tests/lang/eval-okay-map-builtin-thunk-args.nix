# Lists made by mapping a builtin over elements that are still to be
# evaluated: each element is a builtin call whose argument is forced
# first, when the element is.
let
  inherit (builtins) foldl' stringLength add elemAt;
  words = map (w: w + "!") [ "a" "bb" "" ];
  lengths = map stringLength words;
  sums = map (add 10) (map (x: x * 2) [ 1 2 3 ]);
  picked = map (elemAt [ 5 6 7 ]) (map (i: i - 1) [ 1 2 3 ]);
  nested = map stringLength (map (n: builtins.concatStringsSep "," (map toString (builtins.genList (i: i) n))) [ 0 1 5 ]);
  both = map (add (1 + 1)) [ (2 + 2) ];
in
[ (foldl' add 0 lengths) lengths sums picked nested both ]
