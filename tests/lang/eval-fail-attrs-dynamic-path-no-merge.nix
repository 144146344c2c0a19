# paths starting with the same dynamic key are not merged
let k = "a"; in { ${k}.b = 1; ${k}.c = 2; }
