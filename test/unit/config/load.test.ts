import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { durationDays } from '../../../src/core/config/duration';
import { CONFIG_JSON_SCHEMA_FILE, configJsonSchemaText } from '../../../src/core/config/json-schema';
import { ConfigError, formatConfigProblem, loadConfig, parseConfigText } from '../../../src/core/config/load';
import { configSchema, DEFAULT_CONFIG } from '../../../src/core/config/schema';

const GOOD = `leadership:
  - name: Dana Chen
    role: CTO
    aliases: [dana@acme.io, "@dchen"]
areas:
  payments: ["services/payments/**"]
`;

/** The problems of a text, as `line: message`. */
function problemsOf(text: string): string[] {
  const parsed = parseConfigText(text);
  assert.ok(parsed.problems, 'the text has problems');
  return parsed.problems.map((p) => `${p.line ?? '-'}: ${p.message}`);
}

describe('config: parseConfigText', () => {
  it('reads a valid file with defaults filled in', () => {
    const { config, problems } = parseConfigText(GOOD);
    assert.equal(problems, undefined);
    assert.equal(config?.leadership[0]?.name, 'Dana Chen');
    assert.deepEqual(config?.leadership[0]?.aliases, ['dana@acme.io', '@dchen']);
    assert.equal(config?.zone.window, '180d');
    assert.deepEqual(config?.areas, { payments: ['services/payments/**'] });
  });

  it('refuses a bad value, naming the key and its line, and gives no config', () => {
    const parsed = parseConfigText(`${GOOD}zone:\n  tooClose: 0.4\n  tooFar: 7\n`);
    assert.equal(parsed.config, undefined);
    assert.deepEqual(problemsOf(`${GOOD}zone:\n  tooClose: 0.4\n  tooFar: 7\n`), ['9: zone.tooFar: Too big: expected number to be <=1']);
  });

  it('names an unknown key at its own line, where the schema is strict', () => {
    assert.deepEqual(problemsOf(`${GOOD}zone:\n  tooClose: 0.4\n  window: 90d\n  toofar: 0.3\n`), ['10: zone.toofar: unknown key']);
    assert.deepEqual(problemsOf('leadrship:\n  - name: A\n'), ['1: leadrship: unknown key']);
  });

  it('points into sequences: a leader without a name', () => {
    assert.deepEqual(problemsOf('leadership:\n  - name: A\n  - role: CTO\n'), ['3: leadership.1.name: Invalid input: expected string, received undefined']);
  });

  it('lists every YAML syntax error with its line', () => {
    const problems = problemsOf('leadership:\n  - name: Dana\n zone: [\nbots: {\n');
    assert.ok(problems.length >= 2, problems.join('\n'));
    for (const problem of problems) assert.match(problem, /^\d+: not valid YAML: /);
    assert.deepEqual(problemsOf('leadership:\n  - name: A\nleadership: []\n'), ['3: not valid YAML: Map keys must be unique']);
  });

  it('lists every problem, not the first one only', () => {
    assert.deepEqual(problemsOf('zone:\n  tooFar: 3\nbots: 4\nnope: 1\n'), [
      '2: zone.tooFar: Too big: expected number to be <=1',
      '3: bots: Invalid input: expected array, received number',
      '4: nope: unknown key',
    ]);
  });

  it('refuses a top level that is no mapping', () => {
    assert.deepEqual(problemsOf('- just\n- a list\n'), ['1: expected a mapping of settings (key: value)']);
  });

  it('refuses a leader listed twice, naming both lines', () => {
    assert.deepEqual(problemsOf('leadership:\n  - name: Dana Chen\n  - name: Arjun\n  - name: dana  chen\n    role: CTO\n'), [
      '4: dana  chen is listed twice in leadership (lines 2 and 4)',
    ]);
  });

  it('refuses one alias claimed by two people, leaders or not, naming both lines', () => {
    assert.deepEqual(problemsOf('leadership:\n  - name: Dana Chen\n    aliases: [dana@acme.io]\n  - name: D. Chen\n    aliases: [DANA@acme.io]\n'), [
      '5: the alias "DANA@acme.io" of D. Chen is also claimed by Dana Chen (line 3): one identity can belong to one person only',
    ]);
    assert.deepEqual(problemsOf('leadership:\n  - name: Dana Chen\npeople:\n  - name: Bob Li\n    aliases: ["@bob", Dana Chen]\n'), [
      '5: the alias "Dana Chen" of Bob Li is also claimed by Dana Chen (line 2): one identity can belong to one person only',
    ]);
  });

  it('lets a people entry add aliases to a leader of the same name', () => {
    const parsed = parseConfigText('leadership:\n  - name: Dana Chen\n    aliases: ["@dchen"]\npeople:\n  - name: Dana Chen\n    aliases: ["@dchen", dana@old.io]\n');
    assert.equal(parsed.problems, undefined);
  });

  it('merges host settings under the file, key by key', () => {
    const { config } = parseConfigText('zone:\n  tooClose: 0.6\n', {
      zone: { tooClose: 0.2, tooFar: 0.3, window: '90d', minDecisions: 10 },
      bots: ['ci-robot'],
    });
    assert.deepEqual(config?.zone, { tooClose: 0.6, tooFar: 0.3, window: '90d', minDecisions: 10 });
    assert.deepEqual(config?.bots, ['ci-robot']);
  });
});

describe('config: loadConfig', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'do-config-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  async function refusal(options: Parameters<typeof loadConfig>[0]): Promise<ConfigError> {
    const error = await loadConfig(options).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ConfigError, `a ConfigError, not ${String(error)}`);
    return error;
  }

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

  it('refuses a broken file with every problem, as file:line: message', async () => {
    await writeFile(path.join(dir, '.decision-orbit.yml'), 'leadership:\n  - name: Dana Chen\n    role: 7\nzone: { tooFar: 2 }\n');
    const error = await refusal({ root: dir });
    assert.equal(error.path, '.decision-orbit.yml');
    assert.equal(error.file, path.join(await realpath(dir), '.decision-orbit.yml'));
    assert.deepEqual(error.problems.map((p) => formatConfigProblem(error.path, p)), [
      '.decision-orbit.yml:3: leadership.0.role: Invalid input: expected string, received number',
      '.decision-orbit.yml:4: zone.tooFar: Too big: expected number to be <=1',
    ]);
    assert.equal(error.message, '.decision-orbit.yml:3: leadership.0.role: Invalid input: expected string, received number (and 1 more problem)');
  });

  it('refuses a config path that is a folder, as the same kind of error', async () => {
    await mkdir(path.join(dir, '.decision-orbit.yml'));
    assert.deepEqual((await refusal({ root: dir })).problems, [{ message: 'is a folder, not a config file' }]);
    await mkdir(path.join(dir, 'conf'));
    assert.deepEqual((await refusal({ root: dir, configFile: 'conf' })).problems, [{ message: 'is a folder, not a config file' }]);
  });

  it('does not follow the repository\'s own config out of the repository', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'do-config-outside-'));
    try {
      await writeFile(path.join(outside, 'secret.yml'), GOOD);
      await symlink(path.join(outside, 'secret.yml'), path.join(dir, '.decision-orbit.yml'));
      assert.deepEqual((await refusal({ root: dir })).problems, [{ message: 'is a link to a file outside the repository; it is not read' }]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('reads an explicit file anywhere: it is the user\'s own argument', async () => {
    const shared = await mkdtemp(path.join(os.tmpdir(), 'do-config-shared-'));
    try {
      await writeFile(path.join(shared, 'roster.yml'), GOOD);
      const loaded = await loadConfig({ root: dir, configFile: path.join(shared, 'roster.yml') });
      assert.equal(loaded.config.leadership[0]?.name, 'Dana Chen');
      assert.equal(loaded.file, path.join(shared, 'roster.yml'));
    } finally {
      await rm(shared, { recursive: true, force: true });
    }
  });

  it('refuses an explicit file that does not exist', async () => {
    assert.deepEqual((await refusal({ root: dir, configFile: 'missing.yml' })).problems, [{ message: 'does not exist' }]);
  });

  it('reads an explicit file inside the repository, named by its repository path', async () => {
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
    assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(configSchema.shape).sort());
    assert.equal(schema.additionalProperties, false);
  });
});
