# y is merged into the rec set and is evaluated in its scope
let x = 5; in { a = rec { x = 1; }; a.y = x; }
