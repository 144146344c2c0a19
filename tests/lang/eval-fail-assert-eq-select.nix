let a = { b = 2; }; in assert a.b == 1; 1
