{ __functor = self: 1; } 5
