# args: --strict -I fixtures=./imports
builtins.typeOf <fixtures>
