# raw CR and CRLF inside a string literal become LF
"ab
c"
