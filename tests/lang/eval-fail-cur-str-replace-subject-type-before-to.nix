# oracle-skip: current Nix (2.26) forces an element of `to` only when its pattern is replaced; 2.8 forces every element before the subject. Expected output from Nix 2.26.3 (oracle.py check-current)
# ... and checked to be a string before any replacement is forced.
builtins.replaceStrings ["a"] [(throw "to")] 1
