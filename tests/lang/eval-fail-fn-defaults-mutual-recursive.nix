({ x ? y, y ? x }: x) { }
