# 1e3 is the int 1 applied to the variable e3
1e3
