-- A package looking for LuaJava's `java` global, its package.loaded entry and the shared globals.
local found = {}
found[#found + 1] = "java global: " .. tostring(java)
found[#found + 1] = "rawget(_G, 'java'): " .. tostring(rawget(_G, "java"))
found[#found + 1] = "package.loaded.java: " .. tostring(package.loaded.java)
found[#found + 1] = "debug.getregistry: " .. tostring(debug.getregistry)
found[#found + 1] = "load returns realm io: " .. tostring(load("return io")() == io)
found[#found + 1] = "_G is the realm's: " .. tostring(_G.require == require or _G.io == io)
return found
