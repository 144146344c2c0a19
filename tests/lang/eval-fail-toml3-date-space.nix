# A date and a time may be separated by a space: one value, refused only
# as a date (after the whole document is read).
builtins.fromTOML "a = 1979-05-27 07:32:00\nb = [ 1, 1979-05-27 07:32:00.5-07:00 ]"
