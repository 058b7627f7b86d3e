local a = require("./cycle-a")
return { saw = a.name }
