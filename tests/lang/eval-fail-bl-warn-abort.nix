# oracle-skip: builtins.warn is newer than Nix 2.8 (added in 2.23); expected output written from the Nix manual, section "Built-in Functions", builtins.warn
# args: --strict --abort-on-warn
builtins.warn "stop here" 1
