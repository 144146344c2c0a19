# oracle-skip: Nix 2.8 wraps unsigned numbers past the signed range; current Nix (2.34) refuses them (eval-fail-ser-fromjson-unsigned-*). The rest: integers in range stay integers, larger and too negative ones become floats
map builtins.fromJSON [ "9223372036854775807" "-9223372036854775808" "18446744073709551616" "-9223372036854775809" "123456789012345678901234567890" "0" "-0" ]
