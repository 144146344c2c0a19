let a = { f = x: x; }; in a == a // { }
