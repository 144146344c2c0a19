# A tab in the line fromTOML shows is expanded by where it falls in the
# whole message.
builtins.fromTOML "\ta =\t01"
