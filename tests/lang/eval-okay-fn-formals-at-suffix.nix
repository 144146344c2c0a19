({ a, b ? a + 1, ... }@args: [ a b args ]) { a = 1; c = 3; }
