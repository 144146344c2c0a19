let a = b; in 1
