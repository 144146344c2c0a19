"${{ __toString = s: "hi"; }}"
