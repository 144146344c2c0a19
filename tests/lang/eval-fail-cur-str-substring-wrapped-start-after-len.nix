# 2147483648 is not negative (current Nix's 64-bit view); 2.8 reads it as a
# negative 32-bit int but checks it only after forcing the length.
builtins.substring 2147483648 (throw "len") "abc"
