"a	b"
