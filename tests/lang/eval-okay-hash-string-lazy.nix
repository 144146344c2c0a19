# Only what is needed is forced: the data is forced after the algorithm is
# checked, a call that is never used is never run, and a partial
# application is a value.
let
  unused = builtins.hashString "sha3" (throw "never forced");
  md5 = builtins.hashString "md5";
  data = { s = "a"; t = throw "not this one"; };
in
{
  partial = map md5 [ "a" "b" "" ];
  lazyData = builtins.hashString "sha1" data.s;
  tried = builtins.tryEval (builtins.hashString "sha256" (throw "caught"));
  triedAssert = builtins.tryEval (builtins.hashString "sha256" (assert false; "x"));
  viaInterpolation = builtins.hashString "sha256" "${"ab"}${toString 12}";
  fromToString = builtins.hashString "md5" (toString [ 1 "x" null true ]);
  length = builtins.stringLength (builtins.hashString "sha512" "");
  isString = builtins.isString (builtins.hashString "md5" "");
  inLet = let h = builtins.hashString; in h "sha1" "abc" == builtins.hashString "sha1" "abc";
}
