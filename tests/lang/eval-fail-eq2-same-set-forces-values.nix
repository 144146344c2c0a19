let s = { a = throw "value forced"; }; in s == s
