{ a = 1; }.a or 2
