let k = "x"; in { ${k} = 1; y = 2; }
