let x = 1; in assert { a.b = 1; "c d" = 2; inherit x; } == { }; 1
