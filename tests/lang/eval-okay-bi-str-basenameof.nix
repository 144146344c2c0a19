# Only one trailing slash is ignored.
map baseNameOf [ "/a/b/" "/a/b//" "/" "//" "" "a" "a/" "/a/é" "a/b/c.nix" ]
