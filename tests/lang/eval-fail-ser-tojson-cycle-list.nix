builtins.toJSON (let x = [ 1 x ]; in x)
