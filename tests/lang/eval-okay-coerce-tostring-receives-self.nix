"${{ __toString = self: self.v; v = "x"; }}"
