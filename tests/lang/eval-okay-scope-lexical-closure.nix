let x = 1; f = _: x; in let x = 2; in f null
