http://x.org/a?b=c
