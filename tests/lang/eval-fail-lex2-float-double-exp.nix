# 1.5e3e: the float 1.5e3 applied to e.
1.5e3e
