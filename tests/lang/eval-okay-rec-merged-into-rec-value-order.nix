# when the path binding comes first, the rec scope is not used for it
let x = 5; in { a.y = x; a = rec { x = 1; }; }
