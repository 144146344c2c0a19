(rec { false = 1; x = false; }).x
