# oracle-skip: current Nix (2.26) forces an element of `to` only when its pattern is replaced; 2.8 forces every element before the subject. Expected output from Nix 2.26.3 (oracle.py check-current)
# The subject is forced before any replacement.
builtins.replaceStrings ["a"] [(throw "to")] (throw "subject")
