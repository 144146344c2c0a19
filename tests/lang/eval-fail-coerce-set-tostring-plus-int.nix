{ __toString = s: "b"; } + 1
