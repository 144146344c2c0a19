# 0. is not a float (only [1-9][0-9]*. is)
0.
