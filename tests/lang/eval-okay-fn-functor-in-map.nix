let f = { k = 3; __functor = self: x: x * self.k; }; in map f [ 1 2 ]
