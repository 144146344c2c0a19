# oracle-skip: the lint settings are newer than Nix 2.8; with lint-url-literals = fatal, current Nix (2.34) refuses a URL literal where it reads it
# args: --strict --lint-url-literals fatal
[ "http://a" http://b.c/d?e=f ]
