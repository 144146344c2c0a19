# Strings that are UTF-8 (up to four bytes a character) are written as
# they are.
builtins.toJSON [ "é" "☃" "😀" (builtins.substring 0 2 "é!") ]
