# Groups that take no part are null.
with builtins;
[ (split "(a)|(b)" "xaybz") (split "(a)(x)?" "aa") (split "((a)|b)+" "-ab-") ]
