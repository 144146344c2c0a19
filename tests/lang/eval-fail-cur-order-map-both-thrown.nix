map (throw "function") (throw "list")
