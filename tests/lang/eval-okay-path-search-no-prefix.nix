# args: --strict -I ./imports
import <value.nix>
