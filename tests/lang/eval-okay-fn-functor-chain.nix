let c = { n = 0; __functor = self: x: self // { n = self.n + x; }; }; in (c 1 2 3).n
