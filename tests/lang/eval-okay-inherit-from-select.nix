{ inherit ({ a.b = 1; a.c = 2; }.a) b c; }
