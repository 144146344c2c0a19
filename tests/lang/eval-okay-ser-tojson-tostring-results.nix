[
  (builtins.toJSON { __toString = s: s.v; v = "uses self"; })
  (builtins.toJSON { __toString = s: { outPath = "set with outPath"; }; })
  (builtins.toJSON { __toString = s: { __toString = t: "nested toString"; }; })
  (builtins.toJSON [ { __toString = s: "in a list"; } ])
]
