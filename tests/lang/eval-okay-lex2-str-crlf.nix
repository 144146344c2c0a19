# A raw CRLF in a "..." string reads as one LF.
[ "a
b" "

" "
" ]
