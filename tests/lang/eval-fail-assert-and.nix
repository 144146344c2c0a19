let x = true; y = false; in assert x && y; 1
