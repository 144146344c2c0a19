# A throw or failed assertion inside a derivation attribute is caught by
# tryEval around drvPath; the derivation set itself is fine.
let
  mk = attrs: derivation ({ name = "e"; system = "s"; builder = "b"; } // attrs);
  t = d: (builtins.tryEval d.drvPath).success;
in
[
  (t (mk { a = throw "x"; }))
  (t (mk { a = assert false; 1; }))
  (t (mk { args = [ (throw "in args") ]; }))
  (t (mk { a = "ok"; }))
  (t (mk { __structuredAttrs = true; a = { b = throw "deep"; }; }))
  (builtins.tryEval (mk { a = throw "x"; }).outPath).success
  (builtins.tryEval (mk { a = throw "x"; }).name).success
]
