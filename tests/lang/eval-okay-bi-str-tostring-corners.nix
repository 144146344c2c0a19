with builtins;
[ (toString [ 1 [ 2 [ 3 ] ] null true false "x" 1.5 ])
  (toString [ [ ] [ ] "a" ]) (toString [ null null ]) (toString [ ])
  (toString 1.0e20) (toString 0.1) (toString (-0.0)) (toString 1.0e-7)
  (toString 123456789.123) (toString /a/b) (toString null) (toString true)
  (toString false) (toString 9223372036854775807) (toString (-9223372036854775807 - 1)) ]
