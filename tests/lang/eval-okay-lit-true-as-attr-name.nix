{ true = 1; }.true
