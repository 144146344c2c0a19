builtins.toXML [ /foo/bar ./. ]
