# dynamically named attributes are not in scope inside rec
rec { ${"a" + "b"} = 1; c = ab; }
