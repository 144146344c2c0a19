builtins.sort builtins.lessThan [ "b" "" "a" "ab" "B" "é" "z" "aa" "\n" ]
