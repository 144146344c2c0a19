# oracle-skip: the lint settings are newer than Nix 2.8; the last value given wins: here ignore
# args: --strict --lint-url-literals fatal --option lint-url-literals ignore
http://a
