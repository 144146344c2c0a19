[ (false && throw "x") (true || throw "y") (false -> throw "z") ]
