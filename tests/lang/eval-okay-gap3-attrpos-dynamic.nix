# Dynamic attributes have the position of their attribute path.
let
  p = n: s: builtins.unsafeGetAttrPos n s;
  k = "a";
in [
  (p "a" { ${k} = 1; })
  (p "a" { "${k}" = 1; })
  (p "a" { x = 1; ${k} = 1; })
  (p "x" { x = 1; ${k} = 1; })
  (p "ax" { a = 1; ${k + "x"} = 2; })
  (p "b" { ${k}.b = 1; }.a)
  (p "a" { x.${k} = 1; }.x)
  (p "a" (rec { ${k} = 1; }))
  (p "a" { a = 1; ${null} = 2; })
  (p "a" ({ a = 1; } // { ${k} = 2; }))
  (p "a" ({ ${k} = 2; } // { b = 1; }))
]
