-e
x = 6 * 7
-e
print(x, math.type(x))
