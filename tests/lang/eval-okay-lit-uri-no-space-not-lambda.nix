# x:x without a space is a URI, not a lambda
builtins.typeOf x:x
