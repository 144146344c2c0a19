# args:
# Not forced: the inherited attribute is still a thunk when printed.
with { y = 1; }; { inherit y; }
