# The algorithm argument is forced before the data.
builtins.hashString (throw "algorithm") (throw "data")
