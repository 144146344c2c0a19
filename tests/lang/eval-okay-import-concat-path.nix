(import (./imports + "/value.nix")).y
