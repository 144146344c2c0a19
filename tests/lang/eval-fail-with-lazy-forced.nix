with (throw "with-env"); y
