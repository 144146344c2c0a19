let f = x: with { }; y; in f 1
