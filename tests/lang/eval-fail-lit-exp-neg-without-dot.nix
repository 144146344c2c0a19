# 1e-3 is the int 1 applied to the variable e-3
1e-3
