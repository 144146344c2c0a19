[ (true || false && false) (true && false || true) (!false && false) (false -> true || false) (true == !false) ]
