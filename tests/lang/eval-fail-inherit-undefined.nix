{ inherit x; }
