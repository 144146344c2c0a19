# Repetitions are greedy; later parts get what is left.
with builtins;
[ (match "(.*)-(.*)" "a-b-c")
  (match "(.*?)" "abc")
  (match "([^-]*)-(.*)" "a-b-c")
  (match "(a+)(a*)" "aaaa")
  (match "(a?)(a?)(a?)" "aa") ]
