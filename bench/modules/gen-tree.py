#!/usr/bin/env python3
"""Write the same tree of 100 small modules twice: as Lua for hype, as JavaScript for node.

main requires 5 packages (hype_modules/ or node_modules/, each with a manifest naming its main)
and 5 app directories; each package and directory has an index that requires 9 sibling files
relatively. That is 5 x 10 + 5 x 10 = 100 modules besides main.
"""
import json, os, sys

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

def tree(root, ext, modules_dir, manifest):
    lua = ext == "lua"
    main_lines, total = [], 0
    for p in range(5):
        base = f"{root}/{modules_dir}/pkg{p}"
        write(f"{base}/{manifest}", json.dumps({"name": f"pkg{p}", "version": "1.0.0", "main": f"lib/index.{ext}"}))
        index(f"{base}/lib", ext, p * 100)
        main_lines.append(f'local pkg{p} = require("pkg{p}")' if lua else f'const pkg{p} = require("pkg{p}");')
    for d in range(5):
        index(f"{root}/src/d{d}", ext, 1000 + d * 100)
        main_lines.append(f'local d{d} = require("./src/d{d}")' if lua else f'const d{d} = require("./src/d{d}");')
    names = [f"pkg{p}" for p in range(5)] + [f"d{d}" for d in range(5)]
    if lua:
        main_lines.append("print(\"total \" .. (" + " + ".join(n + ".total" for n in names) + "))")
    else:
        main_lines.append("console.log(\"total \" + (" + " + ".join(n + ".total" for n in names) + "));")
    write(f"{root}/main.{ext}", "\n".join(main_lines) + "\n")

def index(directory, ext, seed):
    lua = ext == "lua"
    lines = []
    for i in range(1, 10):
        value = seed + i
        if lua:
            write(f"{directory}/f{i}.lua", f"local M = {{}}\nM.name = \"f{i}\"\nM.value = {value}\nfunction M.get() return M.value end\nreturn M\n")
            lines.append(f'local f{i} = require("./f{i}")')
        else:
            write(f"{directory}/f{i}.js", f"const M = {{}};\nM.name = \"f{i}\";\nM.value = {value};\nM.get = function () {{ return M.value; }};\nmodule.exports = M;\n")
            lines.append(f'const f{i} = require("./f{i}");')
    total = " + ".join(f"f{i}.get()" for i in range(1, 10))
    lines.append(f"return {{ total = {total} }}" if lua else f"module.exports = {{ total: {total} }};")
    write(f"{directory}/index.{ext}", "\n".join(lines) + "\n")

out = sys.argv[1]
tree(f"{out}/tree-lua", "lua", "hype_modules", "hype.json")
tree(f"{out}/tree-js", "js", "node_modules", "package.json")
