let inherit (throw "boom") a; b = 2; in b
