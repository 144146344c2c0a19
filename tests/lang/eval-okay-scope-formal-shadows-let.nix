let a = 1; in ({ a }: a) { a = 2; }
