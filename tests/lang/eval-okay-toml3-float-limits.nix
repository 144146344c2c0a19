# Floats beyond the range of a double: 2.8 clamps them to the largest
# finite value (either sign); too small ones read as zero (with their sign)
# or as subnormals.
builtins.fromTOML ''
  a = [ 1e400, -1e400, +1e400, 1e99999999999999999999, -1.0e309 ]
  b = [ 1e-400, -1e-400, 1e-310, 2.5e-324, 1.7976931348623159e308 ]
  c = [ -0.0, +0.0, +inf, -inf, -nan, 0e1000, 1_0.5_0e-0_1 ]
  t = { x = -1e400 }
''
