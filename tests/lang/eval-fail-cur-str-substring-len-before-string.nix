builtins.substring 0 (throw "len") (throw "string")
