{ inherit (throw "boom") x; y = 1; }.y
