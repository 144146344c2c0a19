let x = { a = 1; b = 2;
   c = 3;
 d = 4; }; in map (n: builtins.unsafeGetAttrPos n x) [ "a" "b" "c" "d" ]
