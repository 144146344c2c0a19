# Every element is forced before the first comparison.
builtins.sort (a: b: true) [ 1 2 (throw "third element") ]
