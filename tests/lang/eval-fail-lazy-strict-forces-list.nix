[ 1 (throw "strict-list") ]
