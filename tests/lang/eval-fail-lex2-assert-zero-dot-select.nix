let x = { e5 = 1; }; in assert 0.e5 or x.e5 == 2; 1
