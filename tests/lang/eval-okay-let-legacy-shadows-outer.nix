let y = 1; z = 5; in let { y = 10; body = y + z; }
