# The corpus runs with TZ=UTC.
[ (builtins.getEnv "TANGLE_BL_SURELY_UNSET") (builtins.getEnv "") (builtins.getEnv "TZ") ]
