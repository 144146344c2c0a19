let y = 2; in with (throw "x"); y
