builtins.attrNames (builtins.zipAttrsWith (n: v: v) [ { a = 1; } (throw "element") ])
