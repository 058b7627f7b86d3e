// The same two calls in Node, for reference: run plain and under Node's own permission model
// (--permission / --experimental-permission with --allow-fs-read), which checks paths without
// resolving symbolic links.
const fs = require('fs');
const calls = Number(process.argv[2] || 20000), rounds = Number(process.argv[3] || 7);
const path = 'data/file.bin';
function time(f, n) { const t0 = process.hrtime.bigint(); for (let i = 0; i < n; i++) f(); return Number(process.hrtime.bigint() - t0) / 1e3 / n; }
const read = () => fs.readFileSync(path), open = () => fs.closeSync(fs.openSync(path, 'r'));
time(read, calls / 4); time(open, calls / 4);
const r = [], o = [];
for (let i = 0; i < rounds; i++) { r.push(time(read, calls)); o.push(time(open, calls)); }
const median = a => a.sort((x, y) => x - y)[(a.length - 1) >> 1];
console.log(`${median(r).toFixed(2)} ${median(o).toFixed(2)}`);
