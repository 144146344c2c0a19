# oracle-skip: the experimental feature parse-toml-timestamps is newer than Nix 2.8; with it, current Nix (2.34) gives each date and time as { _type = "timestamp"; value = …; }, written as toml11 4 writes it (T between date and time, fractions of a second in 3, 6 or 9 digits, a zero offset as Z)
# args: --strict --extra-experimental-features parse-toml-timestamps
builtins.fromTOML ''
  a = 1979-05-27T07:32:00Z
  b = 1979-05-27 07:32:00z
  c = 1979-05-27T07:32:00.999999-07:00
  d = 1979-05-27T07:32:00.5+00:00
  e = 1979-05-27t07:32:00.123456789123
  f = 1979-05-27
  g = 07:32:00.0
  h = [ 00:32:00.100, 1979-05-27T07:32:00.1234567+05:30 ]
  i = { j = 1979-05-27T07:32:00.12-00:00 }
  k = 1979-05-27T07:32:00.1234
''
