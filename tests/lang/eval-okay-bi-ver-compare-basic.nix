with builtins;
[ (compareVersions "1.0" "1.0") (compareVersions "1.0" "1.0.0") (compareVersions "1.0.0" "1.0")
  (compareVersions "1.2" "1.10") (compareVersions "2.3a" "2.3") (compareVersions "2.3a" "2.3.1")
  (compareVersions "a" "b") (compareVersions "" "") (compareVersions "" "1") ]
