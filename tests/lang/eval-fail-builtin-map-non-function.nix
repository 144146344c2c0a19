map 1 [ 1 ]
