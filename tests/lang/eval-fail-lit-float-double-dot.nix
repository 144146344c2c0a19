# .5.5 is the float .5 applied to the float .5
.5.5
