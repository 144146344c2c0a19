./data.txt
