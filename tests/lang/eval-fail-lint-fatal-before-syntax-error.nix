# oracle-skip: the lint settings are newer than Nix 2.8; the lint is applied as the literal is read, before a syntax error after it
# args: --strict --lint-absolute-path-literals fatal
/a/b )
