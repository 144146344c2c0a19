(args@{ a, b ? 5 }: args) { a = 1; }
