{ __functor = self: x: self.v + x; v = 10; } 5
