# modules-small.nix with twice the instances: 1 500 users, 300 virtual
# hosts (97 modules). See _modules-workload.nix.
import ./_modules-workload.nix { users = 1500; }
