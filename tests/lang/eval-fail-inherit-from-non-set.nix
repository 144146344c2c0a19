{ inherit (1) x; }.x
