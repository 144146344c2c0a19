# A backslash keeps the raw CR after it; an LF after that stays.
[ "a\b" "a\
b" "\\" ]
