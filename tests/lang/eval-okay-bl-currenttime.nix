# The clock is read once per evaluation.
[ (builtins.typeOf builtins.currentTime) (builtins.currentTime == builtins.currentTime) (builtins.currentTime > 1600000000) ]
