(null: null) 3
