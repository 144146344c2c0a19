# or does not catch errors raised by the selected value itself
{ a = throw "value-error"; }.a or 1
