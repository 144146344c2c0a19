# "]" first is literal, "-" first or last is literal, a backslash inside
# brackets is literal, "[" alone is literal.
with builtins;
let t = re: map (s: match re s != null) [ "]" "a" "-" "\\" "[" "b" "^" ];
in [
  (t "[]a]") (t "[^]a]") (t "[a-]") (t "[-a]") (t "[\\]") (t "[[a]")
  (t "[]-a]") (t "[a^]") (t "[^^]") (t "[--0]")
]
