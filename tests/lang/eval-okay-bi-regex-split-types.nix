# Text between matches is a string, each match a list.
with builtins;
map typeOf (split "(x)" "axbxc")
