let r = { x = r; }; in r
