toString [ { __toString = s: "a"; } 1 [ 2 [ ] 3 ] ]
