# Words compare bytewise; non-ASCII bytes are not digits.
with builtins;
[ (compareVersions "1.é" "1.e") (compareVersions "1é2" "1.2") (compareVersions "A" "a")
  (compareVersions "1.0-rc1" "1.0-beta") ]
