# 00.5 lexes as the int 00 followed by the float .5
00.5
