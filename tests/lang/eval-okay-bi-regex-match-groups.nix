# A group that takes no part is null; groups are numbered by their "(".
with builtins;
[ (match "(a)(b)?(c)" "ac")
  (match "(a)(b)?(c)" "abc")
  (match "((a)|(b))(c)" "bc")
  (match "(a(b(c)))" "abc")
  (match "x(y)?" "x") ]
