# A long subject does not exhaust the native stack.
with builtins;
let
  s = concatStringsSep "" (genList (x: "ab") 50000);
  t = concatStringsSep "" (genList (x: "ab") 10000);
in [ (match "(.*)b" s == null) (head (match "(a|b)*" t))
     (length (split "ab" s)) (match "(ab)*" s) ]
