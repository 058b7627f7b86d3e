return require("shapes")
