({ a = throw "a"; } // { a = 1; }).a
