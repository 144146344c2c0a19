{ a = throw "x"; b = 1; } == { a = 1; }
