toString [ 1 2 3 ]
