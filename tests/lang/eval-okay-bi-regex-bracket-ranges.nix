# Ranges, several ranges and a range ending in "-".
with builtins;
let t = re: map (s: match re s != null) [ "a" "m" "z" "A" "0" "9" "-" "+" ];
in [ (t "[a-z]") (t "[a-cx-z]") (t "[0-9A-F]") (t "[!--]") (t "[^a-z0-9]") ]
