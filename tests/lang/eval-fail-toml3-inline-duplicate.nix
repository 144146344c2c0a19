# A key defined twice inside an inline table: both values are shown.
builtins.fromTOML "a = { b = [1,2], b = {x=1} }\n"
