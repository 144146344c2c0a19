"a
 b"
