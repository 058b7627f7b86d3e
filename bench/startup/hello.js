// The Node.js counterpart of examples/hello.lua, for the start-up benchmark.
const who = process.argv[2] || "world";
console.log(`Hello, ${who}! (node)`);
