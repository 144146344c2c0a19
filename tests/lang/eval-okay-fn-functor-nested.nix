# the __functor attribute may itself be a functor
{ __functor = { __functor = self: s: x: x + 1; }; } 5
