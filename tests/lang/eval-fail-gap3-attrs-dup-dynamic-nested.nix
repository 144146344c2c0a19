# A dynamic name defined twice inside nested keys: 2.8 names the start of
# the first attribute path.
let k = "a"; in { x.${k} = 1; x.${k} = 2; }
