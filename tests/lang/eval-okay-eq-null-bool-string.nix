[ (null == null) (true == true) (false != true) ("a" == "a") ("a" == "A") ]
