{ __functor = self: { a, b ? 2 }: a + b; } { a = 1; }
