let b = 10; in ({ a ? b }: a) { }
