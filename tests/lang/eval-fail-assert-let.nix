assert let x = false; in x; 1
