# no spaces around / makes this a path, not a division
1.0/3
