{ a = { b = 1; c = throw "c"; }; d = throw "d"; }.a.b
