https://example.com/~user/a-b_c.d%20e?x=1&y=$z,!*'
