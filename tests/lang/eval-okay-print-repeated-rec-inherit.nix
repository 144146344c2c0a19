rec { a = { inherit b; }; b = { c = 1; }; }
