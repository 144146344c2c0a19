# A module-system workload (the module system is _modules-lib.nix, the
# configuration _modules-workload.nix): a NixOS-like `evalModules`
# fixpoint over 52 modules with option types, priorities, mkIf/mkMerge,
# ordering, and 750 users in an `attrsOf (submodule ...)` cross-referenced
# by 150 virtual hosts, /etc files and assertions; the whole `config` is
# forced by `builtins.toJSON` and reduced to its length and hash.
import ./_modules-workload.nix { users = 750; }
