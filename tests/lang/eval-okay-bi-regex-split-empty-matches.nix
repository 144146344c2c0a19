# After an empty match the search moves on by one byte; a non-empty match
# at the same place is preferred.
with builtins;
[ (split "" "abc") (split "" "") (split "a*" "baaac") (split "b*" "abc")
  (split "x*" "abc") (split "(a)?" "ab") (split "ab|" "abc") (split "a|" "bab") ]
