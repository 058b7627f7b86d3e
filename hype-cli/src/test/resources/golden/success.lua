print("hello from golden")
print(1 + 1, 10 // 3, 7 / 2, math.type(2^31), "h\u{e9}\u{1F600}")
