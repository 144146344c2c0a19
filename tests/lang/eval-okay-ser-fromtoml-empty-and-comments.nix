[ (builtins.fromTOML "") (builtins.fromTOML "# only a comment\n\n") (builtins.fromTOML "a = 1 # trailing\n# end") ]
