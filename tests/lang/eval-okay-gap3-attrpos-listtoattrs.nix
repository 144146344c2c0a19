# listToAttrs gives each attribute the position of its element's `value`
# (the first element of a name wins), or none when that has no position.
let
  p = n: s: builtins.unsafeGetAttrPos n s;
  fromJSON = builtins.fromJSON;
  pair = name: value: { inherit name value; };
  l = builtins.listToAttrs;
in [
  (p "x" (l [ { name = "x"; value = 1; } ]))
  (p "x" (l [ { value = 1;
                name = "x"; } ]))
  (p "x" (l [ { name = "x"; value = 1; } { name = "x"; value = 2; } ]))
  (p "x" (l [ (pair "x" 1) ]))
  (p "x" (l (map (n: { name = n; value = n; }) [ "w" "x" ])))
  (p "x" (l [ ({ name = "x"; } // { value = 1; }) ]))
  (p "x" (l [ ({ name = "x"; } // fromJSON ''{"value": 1}'') ]))
  (p "y" (l [ (fromJSON ''{"name": "x", "value": 1}'') { name = "y"; value = 2; } ]))
  (p "x" (l [ (fromJSON ''{"name": "x", "value": 1}'') { name = "y"; value = 2; } ]))
  (p "x" (l [ (fromJSON ''{"name": "x", "value": 1}'') ]))
  (p "x" ({ x = 0; } // l [ (fromJSON ''{"name": "x", "value": 1}'') ]))
  (p "x" ({ x = 0; } // l [ { name = "x"; value = 1; } ]))
  (p "x" (l [ (l [ { name = "name"; value = "x"; } { name = "value"; value = 1; } ]) ]))
]
