let a = { x = 1; y = 2; }; b = { y = 3; z = 4; }; in
map (n: builtins.unsafeGetAttrPos n (a // b // { })) [ "x" "y" "z" "w" ]
