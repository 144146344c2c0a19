{ a = throw "x"; } == { a = 1; }
