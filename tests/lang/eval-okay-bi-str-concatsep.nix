with builtins;
[ (concatStringsSep "," []) (concatStringsSep "," ["a"]) (concatStringsSep "," ["a" "b" ""])
  (concatStringsSep "" ["a" "b"]) (concatStringsSep ", " [ { outPath = "x"; } "y" ])
  (concatStringsSep "é" ["a" "b"]) ]
