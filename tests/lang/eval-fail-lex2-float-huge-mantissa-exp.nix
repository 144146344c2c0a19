# 1e308 times 10 overflows.
10.0e308
