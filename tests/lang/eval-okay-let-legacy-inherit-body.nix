let { inherit ({ body = 4; }) body; }
