# oracle-skip: current Nix (2.26) checks that the start is not negative as soon as it is forced, before forcing the length and the string; 2.8 checks it after coercing the string. Expected output from Nix 2.26.3 (oracle.py check-current)
# The start is checked before the string is coerced.
builtins.substring (-1) 1 2
