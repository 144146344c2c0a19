assert 1.0 == 2.5; 1
