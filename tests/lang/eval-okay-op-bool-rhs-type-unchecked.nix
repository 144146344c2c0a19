[ (false && 1) (true || "a") (false -> null) ]
