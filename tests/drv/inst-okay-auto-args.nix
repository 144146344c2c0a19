# args: --argstr name from-argstr --arg n 3
# A function at the top is called with --arg/--argstr values.
{ name, n, system ? "x86_64-linux" }:
derivation { inherit name system n; builder = "b"; }
