let p = "${./src-fixture}"; in [ p (builtins.getContext p) ]
