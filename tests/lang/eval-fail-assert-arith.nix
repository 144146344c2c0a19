assert 1 + 2 * 3 == 8; 1
