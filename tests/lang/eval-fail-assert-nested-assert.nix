assert (assert true; false); 1
