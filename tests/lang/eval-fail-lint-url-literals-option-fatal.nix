# oracle-skip: the lint settings are newer than Nix 2.8; --option sets it as the flag does
# args: --strict --option lint-url-literals fatal
x: https://example.org
