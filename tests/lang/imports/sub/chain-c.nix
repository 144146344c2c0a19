# resolved against imports/sub/, not against the importing file
import ./leaf.nix
