# Strings are matched byte by byte: "é" is two bytes.
with builtins;
[ (match "." "é") (match ".." "é") (match "é" "é") (match "[^a]+" "é")
  (match "(.)(.*)" "éa") (match "[[:alpha:]]" "é") (match "caf(é|e)" "café")
  (match "(.)*" "é") ]
