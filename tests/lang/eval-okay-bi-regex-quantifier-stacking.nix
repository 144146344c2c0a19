# Quantifiers apply to what precedes them, repeatedly; there are no lazy
# quantifiers, so "a+?" is "(a+)?".
with builtins;
[ (match "a**" "") (match "a**" "aa") (match "a+?" "") (match "a+?" "aa")
  (match "a??" "") (match "a*?" "aaa") (match "(a+)+" "aaa")
  (match "a{1,2}?" "") ]
