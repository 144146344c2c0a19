builtins.substring "x" (throw "len") "c"
