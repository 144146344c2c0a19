let k = "a"; in builtins.attrNames { ${k} = throw "no"; }
