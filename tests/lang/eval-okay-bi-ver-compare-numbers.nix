# Leading zeros do not count; numbers beyond a C int compare like words.
with builtins;
[ (compareVersions "01" "1") (compareVersions "1.99999999999" "1.2")
  (compareVersions "1.2147483648" "1.2147483647") (compareVersions "2147483647" "2147483646")
  (compareVersions "9.99999999999" "9.a") ]
