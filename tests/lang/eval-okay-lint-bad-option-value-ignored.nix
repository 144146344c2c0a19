# oracle-skip: the lint settings are newer than Nix 2.8; a value that is not ignore, warn or fatal is a warning with --option (a usage error as a flag), and the setting keeps its value
# args: --strict --option lint-url-literals Fatal
http://a
