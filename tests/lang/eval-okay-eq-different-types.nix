[ (null == false) (0 == false) ("" == null) ([ ] == { }) ("1" == 1) ("/a" == /a) (true == 1) ]
