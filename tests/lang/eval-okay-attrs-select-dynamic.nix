let s = { b = 1; }; in s.${"b"}
