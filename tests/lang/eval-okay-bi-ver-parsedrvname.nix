# The name ends at the first "-" that is not followed by a letter.
map builtins.parseDrvName [ "nix-2.8.0" "foo-bar-1.0-rc" "foo" "foo-" "-1" "foo-é1"
  "foo--1" "" "hello-world-2" "a-b-c" "foo-_bar" "foo-1-bar" ]
