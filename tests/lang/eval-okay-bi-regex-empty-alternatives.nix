# Empty alternatives and empty groups match the empty string.
with builtins;
[ (match "|" "") (match "a|" "") (match "|a" "a") (match "(|a)b" "b")
  (match "(|a)b" "ab") (match "()" "") (match "(()|a)*" "aa")
  (match "a||b" "b") (match "(a|)*" "aa") ]
