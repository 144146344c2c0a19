abort "stop"
