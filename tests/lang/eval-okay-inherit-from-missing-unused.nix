{ inherit ({ }) x; y = 1; }.y
