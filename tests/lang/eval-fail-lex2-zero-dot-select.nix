# 0.e5 is a selection from the integer 0, not a float.
[ 0.e5 ]
