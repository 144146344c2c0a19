# Entries that are the very same value are still forced first.
(x: [ x ] == [ x ]) (abort "the entry")
