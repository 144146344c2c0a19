# A pattern applied once and used on many strings.
let
  isVersion = builtins.match "[0-9]+(\\.[0-9]+)*";
in map (s: isVersion s != null) [ "1" "1.2.3" "1." ".1" "a" "" "10.20" ]
