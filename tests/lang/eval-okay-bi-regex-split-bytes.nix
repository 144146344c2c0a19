# split works on bytes; a pattern for a multi-byte character finds it whole.
with builtins;
[ (split "é" "aébé") (split "(.)" "é") (split "[^a-z]+" "aéb") ]
