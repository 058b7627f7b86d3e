-- --conditions custom selects the package's "custom" export before "hype".
print(require("./modules/app").square(2))
