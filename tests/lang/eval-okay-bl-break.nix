# oracle-skip: builtins.break is newer than Nix 2.8 (added in 2.9); expected output written from the Nix manual, section "Built-in Functions", builtins.break (without --debugger it returns its argument)
[ (builtins.break 1) (builtins.break { a = "b"; }) (let x = builtins.break (throw "lazy"); in 2) ]
