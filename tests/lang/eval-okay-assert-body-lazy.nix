# assert only forces its condition
assert true; { a = 1; b = throw "unused"; }.a
