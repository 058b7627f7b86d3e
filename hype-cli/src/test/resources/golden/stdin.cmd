-
first
