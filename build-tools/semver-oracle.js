// Answer semver questions with the real node-semver, one JSON request per stdin line,
// one JSON answer per stdout line. Used by dev.hype.pm.semver.NodeSemverOracleTest.
'use strict'
const semver = require('semver')
const readline = require('readline')

const answer = (q) => {
  switch (q.op) {
    case 'satisfies': {
      const opts = { loose: !!q.loose, includePrerelease: !!q.includePrerelease }
      let range = null
      try { range = new semver.Range(q.range, opts).range } catch (e) { range = null }
      let version = null
      try { version = new semver.SemVer(q.version, opts).version } catch (e) { version = null }
      return { range, version, satisfies: semver.satisfies(q.version, q.range, opts) }
    }
    case 'inc': {
      let result = null
      try { result = semver.inc(q.version, q.release, q.preid) } catch (e) { result = null }
      return { result }
    }
    case 'coerce': {
      const c = semver.coerce(q.text, { includePrerelease: !!q.includePrerelease, rtl: !!q.rtl })
      return { result: c ? c.version : null }
    }
    case 'compare': {
      let result = null
      try { result = semver.compare(q.a, q.b, { loose: !!q.loose }) } catch (e) { result = null }
      return { result }
    }
    default:
      return { error: 'unknown op ' + q.op }
  }
}

const rl = readline.createInterface({ input: process.stdin })
const out = []
rl.on('line', (line) => { if (line.trim()) out.push(JSON.stringify(answer(JSON.parse(line)))) })
rl.on('close', () => { process.stdout.write(out.join('\n') + '\n') })
