dirOf null
