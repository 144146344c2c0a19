"${{ __toString = 1; }}"
