# {n}, {n,}, {n,m}, {0} and intervals on groups.
with builtins;
let t = re: map (s: match re s != null) [ "" "a" "aa" "aaa" "aaaa" ];
in [
  (t "a{2}") (t "a{2,}") (t "a{1,3}") (t "a{0}") (t "a{0,1}") (t "a{01}")
  (t "(a{1,2}){2}") (t "a{1}{2}")
  (match "(a){0}" "") (match "(a){2}" "aa") (match "(a|b){2,3}" "abb")
]
