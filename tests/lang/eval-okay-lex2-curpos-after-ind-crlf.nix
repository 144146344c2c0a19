[ ''
 a
'' __curPos "
" __curPos /*  */ __curPos ]
