let ${"a" + "b"} = 1; in ab
