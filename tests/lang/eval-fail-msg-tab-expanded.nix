# Nix's logger expands a tab in an error message to the next multiple of
# 8 columns, counted from the start of the whole message ("error: "
# included, a line break counting as one), and drops carriage returns.
throw "name\tvalue\r\nsecond\tline\tx"
