builtins.toJSON (let x = { outPath = x; }; in x)
