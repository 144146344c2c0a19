{ __functor = 1; } 5
