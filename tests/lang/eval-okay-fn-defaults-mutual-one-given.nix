({ x ? y, y ? x }: [ x y ]) { y = 3; }
