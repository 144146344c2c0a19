assert ({ a, b ? 1, ... }@x: false) { a = 1; }; 1
