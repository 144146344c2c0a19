let a = 1; in with { a = 2; }; { inherit a; }
