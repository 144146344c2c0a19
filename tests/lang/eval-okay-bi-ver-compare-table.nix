# Every pair of a list of versions: the order is total and antisymmetric.
with builtins;
let vs = [ "" "0" "1" "1.0" "1.0.1" "1.0pre" "1.0a" "1.01" "1.1" "1.10" "1.9" "2" "2pre" "a" "b" "1-2" ];
in map (a: map (b: compareVersions a b) vs) vs
