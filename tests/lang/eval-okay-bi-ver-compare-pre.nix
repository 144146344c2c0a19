# "pre" sorts before everything, even a missing component.
with builtins;
[ (compareVersions "1.0pre1" "1.0") (compareVersions "1.0" "1.0pre") (compareVersions "pre" "")
  (compareVersions "1.0a" "1.0pre") (compareVersions "pre" "pre") (compareVersions "1pre2" "1pre10") ]
