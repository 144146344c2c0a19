# Each element is forced before the predicate sees it.
builtins.partition (x: true) [ (throw "element") ]
