for _, line in ipairs(require("probe")) do print(line) end
print("project java global: " .. tostring(java))
