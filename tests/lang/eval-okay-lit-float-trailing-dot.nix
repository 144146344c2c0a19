[ 1. (builtins.typeOf 1.) ]
