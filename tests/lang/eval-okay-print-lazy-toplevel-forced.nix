# args:
1 + 1
