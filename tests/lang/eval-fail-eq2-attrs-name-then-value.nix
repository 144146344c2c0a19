# Sets of the same size are compared attribute by attribute, name then
# value: the first pair's values are compared before the second pair's
# names differ.
{ a = throw "first value"; b = 1; } == { a = throw "other"; c = 1; }
