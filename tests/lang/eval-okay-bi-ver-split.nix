with builtins;
[ (splitVersion "1.2.3") (splitVersion "1.2.3-pre4a...b") (splitVersion "")
  (splitVersion "..-") (splitVersion "é1.0é") (splitVersion "2.3a") (splitVersion "1_0")
  (splitVersion "-1-") ]
