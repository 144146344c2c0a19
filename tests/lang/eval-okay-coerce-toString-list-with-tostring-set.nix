toString [ { __toString = s: "t"; } "u" ]
