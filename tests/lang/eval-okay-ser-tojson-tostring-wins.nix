builtins.toJSON { __toString = s: "from toString"; outPath = "from outPath"; a = 1; }
