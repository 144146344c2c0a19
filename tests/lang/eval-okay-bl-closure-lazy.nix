# Only elements and keys are forced; other attributes stay unevaluated.
map (x: x.key) (builtins.genericClosure {
  startSet = [ { key = 1; other = throw "no"; } ];
  operator = x: [ { key = 2; other = throw "no"; } ];
})
