(x: 1) (throw "a")
