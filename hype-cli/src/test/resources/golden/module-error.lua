-- An error inside a required module keeps its file:line and a traceback through require.
require("./modules/throws")
