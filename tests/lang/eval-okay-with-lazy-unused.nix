with (throw "x"); 1
