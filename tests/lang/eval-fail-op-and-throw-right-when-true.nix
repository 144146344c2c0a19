true && throw "evaluated"
