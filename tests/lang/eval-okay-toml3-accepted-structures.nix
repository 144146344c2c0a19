# What toml11 accepts: a header after a dotted key under the same table,
# a header reaching into a static array of inline tables, a dotted key
# reaching into an array inside an inline table, headers reopening tables
# made on the way to deeper ones.
[
  (builtins.fromTOML "[a]\nb.c = 1\n[a.b]\nd = 2\n")
  (builtins.fromTOML "a = [{x=1}]\n[a.b]\ny=1\n")
  (builtins.fromTOML "x = {a = [{}], a.b = 1}\n")
  (builtins.fromTOML "[a.b.c]\nd = 1\n[a.b]\ne = 2\n[a]\nf = 3\n")
  (builtins.fromTOML "[[a]]\nx = 1\n[a.b]\ny = 2\n[[a]]\nx = 3\n[[a.c]]\nz = 4\n")
  (builtins.fromTOML "\"\\u0061\" = { \"b\" = 1, 'c' . d = 2 }\n")
]
