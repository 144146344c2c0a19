<bl-surely-not-in-search-path/x.nix>
