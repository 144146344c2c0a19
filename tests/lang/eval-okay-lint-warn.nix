# oracle-skip: the lint settings are newer than Nix 2.8; with warn, current Nix (2.34) warns (on standard error) and evaluates; the deprecated warn-short-path-literals means lint-short-path-literals = warn
# args: --strict --lint-url-literals warn --lint-absolute-path-literals warn --warn-short-path-literals
[ http://a (builtins.typeOf a/b) (builtins.typeOf /x) ]
