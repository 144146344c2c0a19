# 1e5 is no float: the integer 1 applied to e5.
1e5
