toString [ 1.5 2.0 ]
