let x = 1 / 0; in 1
