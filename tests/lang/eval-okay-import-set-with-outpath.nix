(import { outPath = toString ./imports/value.nix; }).x
