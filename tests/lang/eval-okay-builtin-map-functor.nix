let f = { __functor = self: x: x + self.k; k = 10; }; in map f [ 1 2 ]
