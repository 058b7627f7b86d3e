#!/usr/bin/env node
// Generate the path test table: Node's own answers for path.posix and path.win32 on a fixed set of
// inputs. Run once (node scripts/gen-path-cases.js > hype-runtime/src/test/resources/dev/hype/runtime/builtins/path-cases.json)
// and commit the output; PathModuleTest replays every case against Hype's path module.
'use strict';
const path = require('path');

// resolve() and relative() read the working directory: pin it, and record it for the replay.
const cwd = '/tmp/hype-path-cwd/sub';
require('fs').mkdirSync(cwd, { recursive: true });
process.chdir(cwd);

const posixPaths = [
  '', '.', '..', '/', '//', '///', 'a', 'a/', 'a//', '/a', '/a/', '//a', '///a', 'a/b', 'a//b', '/a/b',
  '/a//b', '/a/b/', 'a/b/c', './a', '../a', 'a/./b', 'a/../b', 'a/../../b', '/a/../..', '/../a',
  '.a', '..a', '...', 'a.', 'a..', 'a.b', 'a.b.c', '.a.b', 'a/.b', 'a/b.c/', 'a/b.c//', '/a/b.c.d',
  'foo/bar/baz.txt', '/home/user/file.tar.gz', '/home/user/.bashrc', 'file.', '..foo', '/.', '/..',
  './', '../', 'a/b/../../..', '/x/y/../z/./w', 'x\\y', 'c:\\x', '\\\\server\\share', 'a/.', 'a/..',
];
const win32Paths = [
  '', '.', '..', '\\', '/', '\\\\', '//', 'c:', 'C:', 'c:\\', 'c:/', 'C:\\foo', 'C:/foo', 'c:foo',
  'c:foo\\bar', 'C:\\foo\\bar\\', 'C:\\foo\\..\\..\\bar', 'C:\\a\\.\\b', '\\foo', '/foo/bar', 'foo\\bar',
  'foo/bar\\baz', '\\\\server', '\\\\server\\', '\\\\server\\share', '\\\\server\\share\\',
  '\\\\server\\share\\dir\\file.txt', '//server/share/dir', '\\\\\\server\\share', 'file.txt',
  '.bashrc', 'a.b.c', 'C:\\dir\\file.tar.gz', 'C:\\..', '..\\..\\a', 'a\\..\\..\\b', 'C:\\foo\\.',
  'c:..\\a', 'C:\\foo\\bar.', 'd:\\', 'D:\\x\\y', '\\\\?\\C:\\x', 'x:y:z', 'foo\\', 'foo\\\\bar',
  'C:foo\\..\\..', '\\\\a\\b\\c\\..\\..', '/a/b', 'a/b',
];
const pairs = [
  ['a', 'b'], ['/a', 'b'], ['a', '/b'], ['/a/b', '../c'], ['', ''], ['', 'a'], ['a', ''], ['.', '.'],
  ['/a/b/c', '/a/d'], ['/a/b', '/a/b/c/d'], ['/a/b/c', '/a'], ['/', '/a'], ['/a', '/'], ['/foo/bar', '/foo/barbaz'],
  ['a/b', 'c/../d'], ['/x', '/x'], ['a', 'a'], ['../x', 'y'], ['/a/', 'b/'], ['a//', '//b'],
];
const win32Pairs = [
  ['C:\\a', 'b'], ['C:\\a\\b', 'C:\\a\\c'], ['C:\\', 'C:\\foo'], ['C:\\foo', 'C:\\'], ['c:\\a', 'D:\\b'],
  ['C:\\foo\\bar', 'c:\\FOO\\BAR\\baz'], ['\\\\srv\\sh\\a', '\\\\srv\\sh\\b'], ['\\\\srv\\sh', '\\\\other\\sh'],
  ['a', 'b'], ['C:\\a', 'C:\\ab'], ['c:', 'c:foo'], ['C:\\a\\b', '..\\c'], ['\\a', 'b'], ['//a/b', 'c'],
  ['C:\\x', 'd:'], ['C:\\x', 'C:'], ['', 'C:\\a'], ['C:\\foo\\bar\\baz', 'C:\\foo\\qux'], ['\\\\a\\b\\c', '\\\\a\\b'],
  ['/x/y', 'C:\\z'],
];
const joinLists = [
  [], ['a'], ['a', 'b', 'c'], ['/a', 'b', '../c'], ['a', '', 'b'], ['', ''], ['/', '/a'], ['a/', '/b/'],
  ['..', '..', 'a'], ['/a', '..', '..', 'b'], ['.', 'a', '.'], ['a', '/b', '//c'],
];
const win32JoinLists = [
  ['C:\\a', 'b'], ['\\\\server', 'share'], ['\\\\server\\share', 'x'], ['//', 'a'], ['\\', '\\a'],
  ['\\\\\\', 'a'], ['c:', 'foo'], ['C:', '\\foo'], ['a', 'C:\\b'], ['', '\\\\x'], ['//server', 'share', 'f'],
  ['\\\\', '\\\\a', 'b'],
];
const resolveLists = [
  [], ['a'], ['/a', 'b'], ['/a', '/b', 'c'], ['a', '..', '..', '..'], ['/a/b', '../../..'], [''], ['.'],
  ['/foo/bar', './baz'], ['/foo/bar', '/tmp/file/'], ['wwwroot', 'static_files/png/', '../gif/image.gif'],
];
const win32ResolveLists = [
  ['C:\\a', 'b'], ['c:/blah\\blah', 'd:/games', 'c:../a'], ['c:/ignore', 'd:\\a/b\\c/d', '\\e.exe'],
  ['c:/ignore', 'c:/some/file'], ['d:/ignore', 'd:some/dir//'], ['//server/share', '..', 'relative\\'],
  ['c:/', '//'], ['c:/', '//dir'], ['c:/', '//server/share'], ['c:/', '//server//share'], ['c:/', '///some//dir'],
  ['C:\\foo\\tmp.3\\', '..\\tmp.3\\cycles\\root.js'], ['\\a', 'b'], ['a', 'b'], ['C:'], ['c:foo'],
];
const suffixes = [
  ['a.js', '.js'], ['a/b.js', '.js'], ['a/b.js/', '.js'], ['a/b.js', 'js'], ['a/b.js', 'b.js'], ['.js', '.js'],
  ['/.js', '.js'], ['aaa/bbb', 'bbb'], ['aaa/bbb', 'a/bbb'], ['a/b', 'b/'], ['file.tar.gz', '.gz'],
  ['file.tar.gz', '.tar.gz'], ['x.js', 'X.JS'], ['dir/', ''], ['a/b.js', 'a/b.js'], ['x.js', 'longer.js'],
];
const formats = [
  { root: '/', dir: '/home/user', base: 'file.txt' }, { root: '/', base: 'file.txt' }, { name: 'file', ext: '.txt' },
  { name: 'file', ext: 'txt' }, { dir: 'dir', name: 'x' }, { root: '/', name: 'a', ext: '.b' }, {},
  { dir: '/a/', base: 'b' }, { root: 'C:\\', dir: 'C:\\path\\dir', base: 'file.txt' }, { base: 'b', name: 'ignored' },
];

const cases = [];
function record(flavour, fn, args) {
  let result;
  try {
    result = { ok: path[flavour][fn](...args) };
  } catch (e) {
    result = { error: e.code || e.message };
  }
  cases.push({ flavour, fn, args, ...result });
}
for (const [flavour, paths] of [['posix', posixPaths.concat(['C:\\foo'])], ['win32', win32Paths.concat(posixPaths)]]) {
  for (const p of paths) {
    for (const fn of ['normalize', 'dirname', 'basename', 'extname', 'isAbsolute', 'parse', 'resolve', 'toNamespacedPath']) {
      record(flavour, fn, [p]);
    }
  }
}
for (const [flavour, list] of [['posix', suffixes], ['win32', suffixes.concat([['C:\\a\\b.js', '.js'], ['c:b.js', 'b.js'], ['c:', 'c:']])]]) {
  for (const args of list) record(flavour, 'basename', args);
}
for (const args of pairs) { record('posix', 'relative', args); record('win32', 'relative', args); }
for (const args of win32Pairs) record('win32', 'relative', args);
for (const args of joinLists) { record('posix', 'join', args); record('win32', 'join', args); }
for (const args of win32JoinLists) { record('win32', 'join', args); record('posix', 'join', args); }
for (const args of resolveLists) { record('posix', 'resolve', args); record('win32', 'resolve', args); }
for (const args of win32ResolveLists) { record('win32', 'resolve', args); record('posix', 'resolve', args); }
for (const obj of formats) { record('posix', 'format', [obj]); record('win32', 'format', [obj]); }

process.stdout.write(JSON.stringify({ node: process.version, cwd, cases }, null, 1) + '\n');
