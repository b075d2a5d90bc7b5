// The .vsix as `npm run package` writes it: small, the bundles and media only.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';

const run = promisify(execFile);
const REPO_ROOT = path.join(__dirname, '../..');

interface ZipEntry { name: string; method: number; offset: number; compressedSize: number }

/** The central directory of a zip file (no zip64: a .vsix under 1 MB has none). */
function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), method: zip.readUInt16LE(at + 10), compressedSize: zip.readUInt32LE(at + 20), offset: zip.readUInt32LE(at + 42) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryText(zip: Buffer, entry: ZipEntry): string {
  const start = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

describe('npm run package', function () {
  this.timeout(180_000);
  let tmp: string;

  before(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'do-vsix-'));
  });

  after(async () => {
    await rm(tmp, { recursive: true, force: true });
    // The package build is minified without source maps: put the development build back.
    await run(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT });
  });

  it('writes a .vsix under 1 MB with the bundles, media and icon, and no sources, tests or node_modules', async () => {
    const out = path.join(tmp, 'decision-orbit.vsix');
    await run(process.execPath, ['scripts/package.mjs', '--out', out], { cwd: REPO_ROOT });
    const zip = await readFile(out);
    assert.ok(zip.length < 1024 * 1024, `${zip.length} bytes`);
    const entries = zipEntries(zip);
    const names = entries.map((entry) => entry.name);
    for (const name of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/webview.js', 'extension/dist/webview.css', 'extension/dist/cli.js', 'extension/dist/cli-engine.js', 'extension/media/icon.png', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/changelog.md']) {
      assert.ok(names.includes(name), `${name} is missing from ${names.join(', ')}`);
    }
    assert.deepEqual(names.filter((name) => /^extension\/(src|test|node_modules|bench|scripts|docs)\/|\.map$|\.ts$/.test(name)), []);
    const manifestEntry = entries.find((entry) => entry.name === 'extension/package.json');
    assert.ok(manifestEntry);
    const manifest = JSON.parse(entryText(zip, manifestEntry)) as { main: string; icon: string };
    assert.ok(names.includes(`extension/${manifest.main.replace(/^\.\//, '')}`), `main ${manifest.main} is not in the package`);
    assert.ok(names.includes(`extension/${manifest.icon}`), `icon ${manifest.icon} is not in the package`);
  });
});
