# Columns count bytes: each é is two.
[ "éé" __curPos { "ü" = 1; b = 2; } ]
