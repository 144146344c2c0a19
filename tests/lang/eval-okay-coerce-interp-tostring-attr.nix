"${{ __toString = self: "hi"; }}"
