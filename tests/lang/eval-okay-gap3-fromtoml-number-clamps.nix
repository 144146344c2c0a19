# Floats that do not fit: Nix 2.8 clamps them (integers that do not fit
# are refused by current Nix: eval-fail-ser-fromtoml-int-overflow-*).
builtins.fromTOML ''
  big = 1e400
  tiny = 1e-400
  fits = [ 9223372036854775807, -9223372036854775808, 0x7FFFFFFFFFFFFFFF, 0o777777777777777777777 ]
  bin = 0b111111111111111111111111111111111111111111111111111111111111111
''
