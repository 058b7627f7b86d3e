#!/usr/bin/env python3
"""Cross-check require resolution against node: the same tree written twice (Lua/hype.json/hype_modules and
JS/package.json/node_modules), the same ids resolved by hype and by node, outputs compared after mapping names.
Usage: scripts/modules-oracle.py [WORKDIR]   (needs node on PATH; runs ./hype)"""
import json, os, shutil, subprocess, sys
root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "bench/out/modules-oracle")
shutil.rmtree(root, ignore_errors=True)
files = {
  "a.X": "", "b.json": "{}", "c": "", "dir/index.X": "", "dir2/main.X": "", "dir2/M": {"main": "main"},
  "dir3/M": {"main": "lib/entry"}, "dir3/lib/entry/index.X": "", "dir4/M": {"main": "nope.X"}, "dir4/index.X": "",
  "lib.X": "", "lib/index.X": "",
  "src/deep/x.X": "",
  "N/p1/index.X": "", "src/N/p1/index.X": "",
  "N/p2/M": {"name": "p2", "exports": {".": "./main.X", "./sub/*": "./s/*.X", "./sub/private/*": None, "./f.json": "./f.json"}},
  "N/p2/main.X": "", "N/p2/s/one.X": "", "N/p2/s/private/two.X": "", "N/p2/f.json": "{}", "N/p2/other.X": "",
  "N/p3/M": {"exports": {".": [{"import": "./i.X"}, "./r.X"], "./c": {"custom": "./cc.X", "default": "./cd.X"}}},
  "N/p3/r.X": "", "N/p3/cc.X": "", "N/p3/cd.X": "",
  "N/@s/p4/M": {"main": "m.X"}, "N/@s/p4/m.X": "", "N/@s/p4/x/y.X": "",
  "N/p5/M": {"exports": {"./*": "./*.X", "./a/*": "./A/*.X", "./a/*.X": "./AJ/*.X"}}, "N/p5/q.X": "", "N/p5/A/z.X": "", "N/p5/AJ/z.X": "",
  "M": {"name": "self", "exports": {".": "./a.X", "./lib": "./lib.X"}, "imports": {"#x": "./c", "#dep": "p1", "#pat/*": "./src/deep/*.X", "#cond": {"custom": "./a.X", "default": "./lib.X"}}},
  "N/p6.X": "", "N/p6/index.X": "",
}
ids = [("", i) for i in ["./a", "./a.X", "./b", "./c", "./dir", "./dir/", "./dir2", "./dir3", "./dir4", "./lib", "./lib/", ".", "p1", "p2", "p2/sub/one", "p2/sub/private/two", "p2/other", "p2/f.json", "p3", "p3/c", "@s/p4", "@s/p4/x/y", "p5/q", "p5/a/z", "p5/a/z.X", "self", "self/lib", "#x", "#dep", "#pat/x", "#cond", "#nope", "p6", "./src/deep/x", "nope"]] + [("src/deep", i) for i in ["p1", "../../a", "self", "#x", ".."]]
def write(kind):
    X = "lua" if kind == "lua" else "js"; M = "hype.json" if kind == "lua" else "package.json"; N = "hype_modules" if kind == "lua" else "node_modules"
    base = f"{root}/{kind}"
    for path, content in files.items():
        p = f"{base}/" + path.replace("N/", N + "/").replace(".X", "." + X).replace("M", M) if path.endswith("M") else f"{base}/" + path.replace("N/", N + "/").replace(".X", "." + X)
        if path.endswith("/M") or path == "M":
            p = f"{base}/" + (path[:-1] if path != "M" else "").replace("N/", N + "/") + M
            content = json.dumps(content).replace(".X", "." + X)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        open(p, "w").write(content if isinstance(content, str) else json.dumps(content))
    return base
lua, js = write("lua"), write("js")
def lua_script(ids):
    return "\n".join(f"do local d = {json.dumps(d)} local ok, r = pcall(function() return require('./probe-' .. (d == '' and 'root' or 'deep')).resolve({json.dumps(i)}) end) print({json.dumps(d + ' ' + i)}, ok and r or (type(r) == 'table' and r.code or tostring(r))) end" for d, i in ids)
for base, ext in ((lua, "lua"), (js, "js")):
    for d, name in (("", "root"), ("src/deep", "deep")):
        open(f"{base}/probe-{name}.{ext}", "w").write(f"module.exports = function(id) {{ return require.resolve(id, {{paths: undefined}}) }}" if ext == "js" else "return function(id) return require.resolve(id) end")
for base, ext in ((lua, "lua"), (js, "js")):
    os.makedirs(f"{base}/src/deep", exist_ok=True)
    for d in ("", "src/deep"):
        p = f"{base}/{d}/probe.{ext}" if d else f"{base}/probe.{ext}"
        open(p, "w").write("module.exports = (id) => require.resolve(id);" if ext == "js" else "return function(id) return require.resolve(id) end")
    lines = []
    for d, i in ids:
        probe = "./probe" if d == "" else "./src/deep/probe"
        if ext == "lua":
            lines.append(f"do local ok, r = pcall(require({json.dumps(probe)}), {json.dumps(i)}) print({json.dumps(d + ' ' + i)} .. ' => ' .. (ok and r:gsub('^' .. __dirname:gsub('%p', '%%%0') .. '/', '') or (type(r) == 'table' and r.code or tostring(r)))) end")
        else:
            lines.append(f"try {{ console.log({json.dumps(d + ' ' + i)} + ' => ' + require({json.dumps(probe)})({json.dumps(i)}).replace(__dirname + '/', '')) }} catch (e) {{ console.log({json.dumps(d + ' ' + i)} + ' => ' + e.code) }}")
    open(f"{base}/main.{ext}", "w").write("\n".join(lines) + "\n")

HYPE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "hype")
def normalise(text, modules, ext, manifest):
    import re
    return re.sub(r"\." + ext + r"\b", ".X", text.replace(modules, "N").replace(manifest, "M"))
status = 0
for extra in ([], ["-C", "custom"]):
    js_out = subprocess.run(["node", *extra, "main.js"], cwd=js, capture_output=True, text=True).stdout
    lua_out = subprocess.run([HYPE, *extra, "main.lua"], cwd=lua, capture_output=True, text=True).stdout
    js_lines = normalise(js_out, "node_modules", "js", "package.json").splitlines()
    lua_lines = normalise(lua_out, "hype_modules", "lua", "hype.json").splitlines()
    for a, b in zip(js_lines, lua_lines):
        if a != b:
            print(f"DIFFERENT {extra}: node {a!r} hype {b!r}")
            status = 1
    if len(js_lines) != len(lua_lines):
        print(f"DIFFERENT {extra}: node printed {len(js_lines)} lines, hype {len(lua_lines)}")
        status = 1
    print(f"{len(js_lines)} ids compared with conditions {extra or 'default'}")
sys.exit(status)
