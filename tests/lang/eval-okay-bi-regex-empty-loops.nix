# Repetitions of what can match nothing.
with builtins;
[ (match "(a*)*" "") (match "(a*)*" "aa") (match "(a*)*" "b") (match "(a*)+" "")
  (match "(a?)*" "a") (match "(a|b*)*" "abb") (match "((a*)*)*" "a") ]
