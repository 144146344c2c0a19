assert (rec { a = false; }).a; 1
