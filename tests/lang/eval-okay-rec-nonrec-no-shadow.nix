# a non-rec set does not bring its own attributes into scope
let x = 1; in { x = 2; y = x; }
