toString [ 1 [ 2 3 ] [ ] "a" null true false ]
