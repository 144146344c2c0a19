builtins.tryEval (throw { __toString = s: "ts"; })
