let a = { }; in assert a.b.c or false; 1
