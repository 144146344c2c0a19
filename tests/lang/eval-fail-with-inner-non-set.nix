# the inner with is consulted first, and it is not a set
with { a = 1; }; with "s"; a
