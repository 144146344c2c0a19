# removeAttrs keeps the positions of the attributes it leaves; a removed name
# added again by `//` from a set without positions has none.
let
  p = n: s: builtins.unsafeGetAttrPos n s;
  s = { a = 1;
        b = 2;
        c = 3; };
  r = removeAttrs s [ "b" "zz" "b" ];
in [
  (p "a" r)
  (p "c" r)
  (p "b" r)
  (p "a" (removeAttrs s [ ]))
  (p "b" (r // builtins.fromJSON ''{"b": 4}''))
  (p "b" (builtins.fromJSON ''{"b": 4}'' // r))
  (p "b" ({ b = 5; } // r))
  (p "b" (r // { b = 5; }))
  (p "a" (removeAttrs (s // { a = 0; }) [ "c" ]))
  (p "x" (removeAttrs (builtins.fromJSON ''{"x": 1, "y": 2}'') [ "y" ]))
]
