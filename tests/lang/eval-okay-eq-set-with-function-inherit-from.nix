let a = { f = x: x; }; in a == { inherit (a) f; }
