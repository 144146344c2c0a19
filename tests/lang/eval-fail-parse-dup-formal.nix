{ x, x }: x
