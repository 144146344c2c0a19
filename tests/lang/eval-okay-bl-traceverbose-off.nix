# oracle-skip: builtins.traceVerbose is newer than Nix 2.8 (added in 2.10); expected output written from the Nix manual, section "Built-in Functions", builtins.traceVerbose
# Without --trace-verbose the message is not even evaluated.
[ (builtins.traceVerbose (throw "not evaluated") 1) (builtins.traceVerbose "m" "value") ]
