builtins.groupBy (x: builtins.substring 0 1 x) [ "apple" "avocado" "banana" "blueberry" "cherry" "" "zebra" "a" ]
