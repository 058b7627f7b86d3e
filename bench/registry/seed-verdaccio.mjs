// Copy the benchmark packages from a running hype registry into a running Verdaccio, so both
// servers hold the same versions and the same tarball bytes.
//
//   node seed-verdaccio.mjs HYPE_URL VERDACCIO_URL PACKAGES
//
// Creates a Verdaccio user (htpasswd) with PUT /-/user/org.couchdb.user:NAME, then publishes every
// version npm-style: one PUT /NAME per version with the manifest and the tarball in _attachments.
// Every request goes to the two loopback URLs given; each has a time limit.

const [hypeUrl, verdaccioUrl, packageCount] = process.argv.slice(2);
if (!hypeUrl || !verdaccioUrl || !packageCount) {
  console.error('usage: node seed-verdaccio.mjs HYPE_URL VERDACCIO_URL PACKAGES');
  process.exit(2);
}

const TIMEOUT_MS = 30_000;

async function call(url, init = {}) {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  return response;
}

async function expectOk(response, what) {
  if (!response.ok) {
    throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  }
  return response;
}

// 1. a user to publish as
const user = 'bench';
const login = await expectOk(await call(`${verdaccioUrl}/-/user/org.couchdb.user:${user}`, {
  method: 'PUT',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: user, password: 'bench-password', type: 'user', roles: [] }),
}), 'creating the Verdaccio user');
const { token } = await login.json();
if (!token) {
  throw new Error('Verdaccio returned no token for the new user');
}

// 2. every version of every package, read back from hype
let published = 0;
for (let p = 0; p < Number(packageCount); p++) {
  const name = `bench-pkg-${String(p).padStart(4, '0')}`;
  const packument = await (await expectOk(await call(`${hypeUrl}/${name}`), `GET ${name} from hype`)).json();
  const versions = Object.keys(packument.versions);
  for (const version of versions) {
    const manifest = structuredClone(packument.versions[version]);
    const tarballResponse = await expectOk(await call(manifest.dist.tarball), `GET ${manifest.dist.tarball}`);
    const tarball = Buffer.from(await tarballResponse.arrayBuffer());
    const fileName = `${name}-${version}.tgz`;
    manifest.dist = { ...manifest.dist, tarball: `${verdaccioUrl}/${name}/-/${fileName}` };
    const body = {
      _id: name,
      name,
      description: packument.description,
      'dist-tags': { latest: version },
      versions: { [version]: manifest },
      _attachments: {
        [fileName]: { content_type: 'application/octet-stream', data: tarball.toString('base64'), length: tarball.length },
      },
    };
    await expectOk(await call(`${verdaccioUrl}/${encodeURIComponent(name)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }), `publishing ${name}@${version} to Verdaccio`);
    published++;
  }
  // keep the same dist-tags as hype (the last PUT moved latest to the last version published)
  const latest = packument['dist-tags']?.latest;
  if (latest && latest !== versions[versions.length - 1]) {
    await expectOk(await call(`${verdaccioUrl}/-/package/${name}/dist-tags/latest`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(latest),
    }), `setting latest of ${name}`);
  }
}
console.log(`SEEDED ${published} versions`);
