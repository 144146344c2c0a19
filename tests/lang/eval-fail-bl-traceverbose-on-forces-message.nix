# oracle-skip: builtins.traceVerbose is newer than Nix 2.8 (added in 2.10); expected output written from the Nix manual, section "Built-in Functions", builtins.traceVerbose
# args: --strict --trace-verbose
builtins.traceVerbose (throw "message") 1
