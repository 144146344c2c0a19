[
  (builtins.zipAttrsWith (name: values: values) [ { a = 1; } { a = 2; b = 3; } { } { b = 4; c = 5; } ])
  (builtins.zipAttrsWith (name: values: name) [ { x = 1; } { "é" = 2; } ])
  (builtins.zipAttrsWith (name: values: values) [ ])
  (builtins.zipAttrsWith (name: builtins.length) [ { a = 1; } { a = 1; } ])
]
