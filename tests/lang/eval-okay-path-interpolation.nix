let x = "b"; in [ ./a/${"b"} ./a/${x}.nix ./a/${"b"}/c /a/${"/b"} /a/${"b/"} ]
