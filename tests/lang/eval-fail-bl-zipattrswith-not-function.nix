builtins.zipAttrsWith 1 (throw "list")
