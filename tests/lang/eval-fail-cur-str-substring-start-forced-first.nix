# start, then len, then the string.
builtins.substring (throw "start") (throw "len") (throw "string")
