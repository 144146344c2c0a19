# Dates are refused after reading: a conflict after a date is reported.
builtins.fromTOML "a = 1979-05-27\nb = 1\nb = 2"
