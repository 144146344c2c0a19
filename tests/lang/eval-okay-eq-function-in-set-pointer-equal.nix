let f = x: x; a = { inherit f; }; in a == a
