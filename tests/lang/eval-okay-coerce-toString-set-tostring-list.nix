toString { __toString = self: [ 1 2 ]; }
