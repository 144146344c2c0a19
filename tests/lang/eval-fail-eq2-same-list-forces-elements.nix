# The very same list on both sides: its elements are still forced before
# identity decides (Nix forces, then compares pointers).
let l = [ 1 (throw "element forced") ]; in l == l
