# oracle-skip: 2.8 escapes every `$` in a printed attribute name; current Nix (2.26) escapes it only before `{`, as in strings. Expected output from Nix 2.26.3 (oracle.py check-current)
{ "a$" = "a$"; "$" = "$"; "$${" = "$${"; }
