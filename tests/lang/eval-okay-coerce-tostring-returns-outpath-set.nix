"${{ __toString = self: { outPath = "o"; }; }}"
