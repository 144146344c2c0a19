# A quoted and a bare key are the same key, inside an inline table in an array.
builtins.fromTOML "[a]\nb = { c = 1, d = 2, c = \"long value\" }\n"
