# the first definition of an inherited name is located just after the inherit keyword
let x = 1; in { inherit   x; x = 2; }
