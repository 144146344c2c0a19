let { body = x * y; x = 3; y = 4; }
