# 1..5 is 1. applied to .5.
1..5
