# unary minus is 0 - x, so this is +0
-0.0
