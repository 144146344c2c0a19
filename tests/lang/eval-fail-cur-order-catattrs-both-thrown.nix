builtins.catAttrs (throw "name") (throw "list")
