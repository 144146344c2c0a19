# a dynamic key that is a plain string literal behaves like a static key
{ ${"a"}.b = 1; a.c = 2; }
