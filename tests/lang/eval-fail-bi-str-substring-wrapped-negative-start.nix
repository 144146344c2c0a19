builtins.substring 2147483648 1 "abc"
