# The fetchers are bound (nixpkgs refers to them without calling them):
# functions with no formals, whether called or not.
let
  fs = [ fetchGit fetchMercurial fetchTarball __fetchurl builtins.fetchurl builtins.fetchGit builtins.fetchTarball builtins.fetchMercurial ];
in
{
  types = map builtins.typeOf fs;
  isFunction = builtins.all builtins.isFunction fs;
  args = map builtins.functionArgs fs;
  unused = (x: 1) (fetchTarball "https://example.invalid/x.tar.gz");
}
