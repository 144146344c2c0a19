(import (toString ./imports/value.nix)).x
