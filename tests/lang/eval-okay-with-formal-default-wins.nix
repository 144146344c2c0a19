with { x = 1; }; ({ x ? 3 }: x) { }
