http://x.org/ + "a"
