"""Publish N small packages (bench-dep-1 .. bench-dep-N) to a registry over the npm protocol.

Each tarball holds package/hype.json, package/package.json and an index file for each runtime, so
hype, npm, pnpm and bun all install the same packages. One HTTP PUT per package, as `npm publish`
sends it; quicker than starting `hype pkg publish` N times. Usage: publish.py URL TOKEN N
"""
import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request


def tarball(files):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w:gz", format=tarfile.USTAR_FORMAT) as tar:
        for name, text in sorted(files.items()):
            data = text.encode()
            info = tarfile.TarInfo("package/" + name)
            info.size = len(data)
            info.mode = 0o644
            info.mtime = 0
            tar.addfile(info, io.BytesIO(data))
    return raw.getvalue()


def publish(url, token, index):
    name = f"bench-dep-{index}"
    manifest = {"name": name, "version": "1.0.0", "license": "MIT", "main": "index.lua"}
    files = {
        "hype.json": json.dumps(manifest),
        "package.json": json.dumps(dict(manifest, main="index.js")),
        "index.lua": f"return {{ id = {index} }}\n",
        "index.js": f"module.exports = {{ id: {index} }};\n",
    }
    data = tarball(files)
    file = f"{name}-1.0.0.tgz"
    version = dict(manifest, dist={
        "integrity": "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode(),
        "shasum": hashlib.sha1(data).hexdigest(),
        "tarball": f"{url}/{name}/-/{file}",
    })
    body = {"_id": name, "name": name, "dist-tags": {"latest": "1.0.0"}, "versions": {"1.0.0": version},
            "_attachments": {file: {"data": base64.b64encode(data).decode(), "length": len(data)}}}
    request = urllib.request.Request(f"{url}/{name}", data=json.dumps(body).encode(), method="PUT",
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request) as response:
            response.read()
    except urllib.error.HTTPError as e:
        if e.code != 409:  # already published by an earlier run against the same storage
            sys.exit(f"publish {name}: HTTP {e.code}: {e.read().decode(errors='replace')}")


def main():
    url, token, count = sys.argv[1].rstrip("/"), sys.argv[2], int(sys.argv[3])
    for index in range(1, count + 1):
        publish(url, token, index)


if __name__ == "__main__":
    main()
