[ /abs/x /a/./b/../c ]
