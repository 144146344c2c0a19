({ a ? throw "no" }: a) { a = 1; }
