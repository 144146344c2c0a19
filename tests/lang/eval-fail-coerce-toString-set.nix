toString { }
