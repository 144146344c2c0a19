# oracle-skip: current Nix (2.26) forces an element of `to` only when its pattern is replaced; 2.8 forces every element before the subject. Expected output from Nix 2.26.3 (oracle.py check-current)
# The replacement forced is the one of the first match in the subject,
# not the first in the list.
builtins.replaceStrings ["a" "b"] [(throw "ta") (throw "tb")] "ba"
