# args:
[ (x: x) true null 1.5 "s" builtins.add (-1) [ ] ]
