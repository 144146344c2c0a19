# "." and "-" only separate, in any number.
with builtins;
[ (compareVersions "-1" "1") (compareVersions "1..2" "1.2") (compareVersions "1-2" "1.2")
  (compareVersions "1.2-" "1.2") (compareVersions "1.2a" "1.2.a") (compareVersions "1_2" "1.2") ]
