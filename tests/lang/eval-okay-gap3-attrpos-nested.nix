# Attributes made by nested keys have the position of the whole attribute
# path, in the outer and in the inner sets.
let p = n: s: builtins.unsafeGetAttrPos n s; in [
  (p "a" { a.b.c = 1; })
  (p "b" { a.b.c = 1; }.a)
  (p "c" { a.b.c = 1; }.a.b)
  (p "b" { a.b = 1; a.c = 2; }.a)
  (p "c" { a.b = 1;  a.c = 2; }.a)
  (p "a" { x = 1; a.b = 1; a.c = 2; })
  (p "c" { a = { b = 1; }; a.c = 2; }.a)
  (p "b" { a = { b = 1; }; a.c = 2; }.a)
  (p "b" { a.c = 2; a = { b = 1; }; }.a)
  (p "a" { a.c = 2; a = { b = 1; }; })
  (p "d" { a."b c".d = 1; }.a."b c")
  (p "b" (rec { a.b = 1; }).a)
]
