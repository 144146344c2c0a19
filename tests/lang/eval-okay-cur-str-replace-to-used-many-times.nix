# A replacement used many times (a thunk, forced once).
let t = builtins.concatStringsSep "" [ "<" ">" ]; in
builtins.replaceStrings ["a" "b"] [t ""] "abababa"
