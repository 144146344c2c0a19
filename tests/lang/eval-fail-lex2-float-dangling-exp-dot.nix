# 1.e: the float 1. then e.
[ 1.e ]
