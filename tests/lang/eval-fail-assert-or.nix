let x = false; y = false; in assert x || y; 1
