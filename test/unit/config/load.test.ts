import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { durationDays } from '../../../src/core/config/duration';
import { CONFIG_JSON_SCHEMA_FILE, configJsonSchemaText } from '../../../src/core/config/json-schema';
import { ConfigError, loadConfig, parseConfigText } from '../../../src/core/config/load';
import { DEFAULT_CONFIG } from '../../../src/core/config/schema';

const GOOD = `leadership:
  - name: Dana Chen
    role: CTO
    aliases: [dana@acme.io, "@dchen"]
areas:
  payments: ["services/payments/**"]
`;

describe('config: parseConfigText', () => {
  it('reads a valid file with defaults filled in', () => {
    const { config, warnings } = parseConfigText(GOOD, '.decision-orbit.yml');
    assert.deepEqual(warnings, []);
    assert.equal(config.leadership[0]?.name, 'Dana Chen');
    assert.deepEqual(config.leadership[0]?.aliases, ['dana@acme.io', '@dchen']);
    assert.equal(config.zone.window, '180d');
    assert.deepEqual(config.areas, { payments: ['services/payments/**'] });
  });

  it('names the key and the line of a bad value, and keeps the good keys', () => {
    const text = `${GOOD}zone:\n  tooClose: 0.4\n  tooFar: 7\n`;
    const { config, warnings } = parseConfigText(text, '.decision-orbit.yml');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.code, 'config-invalid');
    assert.equal(warnings[0]?.line, 9);
    assert.match(warnings[0]?.message ?? '', /^\.decision-orbit\.yml line 9: zone\.tooFar: /);
    assert.deepEqual(config.zone, DEFAULT_CONFIG.zone);
    assert.equal(config.leadership[0]?.role, 'CTO');
  });

  it('names an unknown key at its own line', () => {
    const { warnings } = parseConfigText(`${GOOD}zone:\n  tooClose: 0.4\n  window: 90d\n  toofar: 0.3\n`, 'x.yml');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.line, 10);
    assert.match(warnings[0]?.message ?? '', /zone\.toofar/);
  });

  it('points into sequences: a leader without a name', () => {
    const { warnings, config } = parseConfigText('leadership:\n  - name: A\n  - role: CTO\n', 'x.yml');
    assert.equal(warnings[0]?.line, 3);
    assert.match(warnings[0]?.message ?? '', /leadership\.1\.name/);
    assert.deepEqual(config.leadership, []);
  });

  it('gives one warning with the line of a YAML syntax error and uses defaults', () => {
    const { warnings, config } = parseConfigText('leadership:\n  - name: "Dana\nzone: [\n', 'x.yml');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]?.message ?? '', /not valid YAML/);
    assert.equal(typeof warnings[0]?.line, 'number');
    assert.deepEqual(config, DEFAULT_CONFIG);
  });

  it('counts the further problems in the one warning', () => {
    const { warnings } = parseConfigText('zone:\n  tooFar: 3\nbots: 4\nnope: 1\n', 'x.yml');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]?.message ?? '', /and 2 more problems/);
  });

  it('merges host settings under the file, key by key', () => {
    const { config } = parseConfigText('zone:\n  tooClose: 0.6\n', 'x.yml', {
      zone: { tooClose: 0.2, tooFar: 0.3, window: '90d', minDecisions: 10 },
      bots: ['ci-robot'],
    });
    assert.deepEqual(config.zone, { tooClose: 0.6, tooFar: 0.3, window: '90d', minDecisions: 10 });
    assert.deepEqual(config.bots, ['ci-robot']);
  });
});

describe('config: loadConfig', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'do-config-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('uses defaults when there is no file', async () => {
    const loaded = await loadConfig({ root: dir });
    assert.equal(loaded.file, null);
    assert.deepEqual(loaded.warnings, []);
    assert.deepEqual(loaded.config, DEFAULT_CONFIG);
  });

  it('reads .decision-orbit.yml, or an overlay in its place', async () => {
    await writeFile(path.join(dir, '.decision-orbit.yml'), GOOD);
    assert.equal((await loadConfig({ root: dir })).config.leadership[0]?.name, 'Dana Chen');
    const overlay = new Map([['.decision-orbit.yml', 'leadership: [{ name: Arjun Patel }]\n']]);
    assert.equal((await loadConfig({ root: dir, overlays: overlay })).config.leadership[0]?.name, 'Arjun Patel');
  });

  it('refuses an explicit file outside the repository, and a missing one', async () => {
    await assert.rejects(loadConfig({ root: dir, configFile: path.join(os.tmpdir(), 'elsewhere.yml') }), ConfigError);
    await assert.rejects(loadConfig({ root: dir, configFile: '../x.yml' }), /outside the repository/);
    await assert.rejects(loadConfig({ root: dir, configFile: 'missing.yml' }), /does not exist/);
  });

  it('reads an explicit file inside the repository', async () => {
    await mkdir(path.join(dir, 'conf'));
    await writeFile(path.join(dir, 'conf', 'orbit.yml'), GOOD);
    const loaded = await loadConfig({ root: dir, configFile: path.join(dir, 'conf', 'orbit.yml') });
    assert.equal(loaded.file, 'conf/orbit.yml');
    assert.equal(loaded.config.leadership.length, 1);
  });

  it('drops configured paths that escape the repository, with a warning each', async () => {
    await writeFile(path.join(dir, '.decision-orbit.yml'), 'adr:\n  paths: [docs/decisions, ../../etc]\nareas:\n  x: ["/abs/**", "src/**"]\n');
    const loaded = await loadConfig({ root: dir });
    assert.deepEqual(loaded.config.adr.paths, ['docs/decisions']);
    assert.deepEqual(loaded.config.areas, { x: ['src/**'] });
    assert.deepEqual(loaded.warnings.map((w) => w.code), ['config-path-outside', 'config-path-outside']);
  });
});

describe('config: durations and the shipped JSON schema', () => {
  it('turns durations into days', () => {
    assert.equal(durationDays('180d'), 180);
    assert.equal(durationDays('26w'), 182);
    assert.equal(durationDays('6m'), 180);
    assert.equal(durationDays('1y'), 365);
    assert.throws(() => durationDays('soon'), /not a duration/);
  });

  it('ships the JSON schema generated from the zod schema', async () => {
    const shipped = await readFile(path.join(__dirname, '../../..', CONFIG_JSON_SCHEMA_FILE), 'utf8');
    assert.equal(shipped, configJsonSchemaText(), 'run: npx tsx src/core/config/write-json-schema.ts');
    const schema = JSON.parse(shipped) as { properties: Record<string, unknown>; additionalProperties: boolean };
    assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(DEFAULT_CONFIG).sort());
    assert.equal(schema.additionalProperties, false);
  });
});
