{ inherit; inherit (throw "x"); a = 1; }
