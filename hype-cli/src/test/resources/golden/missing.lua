print(nil .. "x")
