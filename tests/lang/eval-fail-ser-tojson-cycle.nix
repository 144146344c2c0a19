builtins.toJSON (let x = { a = x; }; in x)
