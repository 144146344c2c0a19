toString { outPath = 1; }
