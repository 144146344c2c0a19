# in a non-rec set, inherit x takes x from the enclosing scope
let x = 1; in { inherit x; y = { inherit x; }; }
