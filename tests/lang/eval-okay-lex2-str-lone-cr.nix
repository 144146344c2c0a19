# A raw CR in a "..." string reads as LF.
[ "ab" "" "xy" ]
