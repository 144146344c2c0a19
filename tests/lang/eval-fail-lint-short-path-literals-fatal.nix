# oracle-skip: the lint settings are newer than Nix 2.8; with lint-short-path-literals = fatal, current Nix (2.34) refuses a relative path that does not start with ./ or ../ (of an interpolated one, the text before the interpolation is named)
# args: --strict --lint-short-path-literals fatal
x: [ ./a ../b a.b/${x}c ]
