import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { readCi, emptyCi } from '../../../src/core/signals/structural/ci';
import { schemaNames } from '../../../src/core/signals/structural/data';
import { withYamlDocuments, yamlDocuments } from '../../../src/core/signals/structural/yaml-documents';
import { outlineDocuments, OutsideOutline } from '../../../src/core/signals/structural/yaml-outline';

const SEPARATOR = /^---\s*$/m;

/** The outline's documents, or null where it refuses the text. */
function outline(text: string, deepest?: number): unknown[] | null {
  try {
    return outlineDocuments(text, SEPARATOR, deepest);
  } catch (error) {
    if (error instanceof OutsideOutline) return null;
    throw error;
  }
}

/**
 * Where the outline's value differs from yaml's: every key in the same order,
 * every value it computes equal; a value it leaves to yaml (reading it refuses)
 * is passed over. Null when they agree.
 */
function difference(ours: unknown, theirs: unknown, at = '$'): string | null {
  if (ours === null || typeof ours !== 'object') return isDeepStrictEqual(ours, theirs) ? null : `${at}: ${String(ours)} against ${String(theirs)}`;
  if (theirs === null || typeof theirs !== 'object' || Array.isArray(ours) !== Array.isArray(theirs)) return `${at}: a collection against ${String(theirs)}`;
  if (!isDeepStrictEqual(Object.keys(ours), Object.keys(theirs))) return `${at}: keys ${Object.keys(ours).join(',')} against ${Object.keys(theirs).join(',')}`;
  for (const key of Object.keys(ours)) {
    let value: unknown;
    try {
      value = (ours as Record<string, unknown>)[key];
    } catch (error) {
      if (error instanceof OutsideOutline) continue;
      throw error;
    }
    const found = difference(value, (theirs as Record<string, unknown>)[key], `${at}.${key}`);
    if (found) return found;
  }
  return null;
}

/** The outline gives what yaml gives, or refuses; returns whether it read the text. */
function agrees(text: string, deepest?: number): boolean {
  const ours = outline(text, deepest);
  if (ours === null) return false;
  const theirs = yamlDocuments(text);
  assert.notEqual(theirs, null, `yaml failed on a text the outline read: ${JSON.stringify(text)}`);
  const found = difference(ours, theirs);
  assert.equal(found, null, `${found} in ${JSON.stringify(text)}`);
  return true;
}

const OPENAPI = `openapi: 3.0.0
info:
  title: RPC
  description: |
    Endpoints of the node.

    # Not a key: text of the description
    paths: [nope]
  version: "0.38"
paths:
  /health:
    get:
      summary: Node heartbeat
      tags: [Info]
      responses:
        200:
          description: empty answer
  "/block/{height}":
    get:
      parameters:
        - in: path
          name: height
          required: true
          schema:
            type: integer
            example: 1
    post: {}
components:
  schemas:
    Block:
      type: object
      required: [header, data]
      properties:
        header:
          $ref: '#/components/schemas/Header'
        'data': # the transactions
          type: string
          description: a long text that goes on
            over a second line
`;

const WORKFLOW = `name: Release
on:
  push:
    tags: ['v*']
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
    - uses: actions/checkout@v4
    - run: make test
  deploy:
    name: Deploy to production
    environment:
      name: production
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::1:role/x
      - run: |
          echo "deploying"
          ./deploy.sh
`;

describe('the YAML outline: what yaml gives, or nothing', () => {
  it('reads an OpenAPI document and a workflow as yaml does', () => {
    assert.ok(agrees(OPENAPI), 'the outline read the OpenAPI document');
    assert.ok(agrees(WORKFLOW), 'the outline read the workflow');
    assert.ok(agrees(`${WORKFLOW}---\n${OPENAPI}`), 'and both as two documents');
  });

  it('gives the readers the facts yaml gave them', () => {
    const viaYaml = (text: string): string[] => [...withYamlDocuments(text, () => { throw new OutsideOutline(); })].map(String);
    assert.throws(() => viaYaml(OPENAPI), OutsideOutline);
    assert.deepEqual([...schemaNames('api/openapi.yaml', OPENAPI)].sort(), [
      'field Block.data', 'field Block.header', 'get /block/{height}', 'get /health', 'post /block/{height}', 'type Block',
    ]);
    const ci = emptyCi();
    readCi('.github/workflows/release.yml', WORKFLOW, ci);
    assert.deepEqual([...(ci.pipelines.get('.github/workflows/release.yml') ?? [])], [
      'job test', 'job deploy', 'environment production', 'uses aws-actions/configure-aws-credentials',
    ]);
  });

  it('computes plain scalars by the core schema, and leaves the rest to yaml', () => {
    const text = 'a: ~\nb: True\nc: 0\nd: 10.50\ne: -1\nf: 0x1F\ng: 1e3\nh: "q\\"x"\ni: \'it\'\'s\'\nj: [1, 2]\nk: 1.2.3\nl: on\n';
    assert.ok(agrees(text));
    const [document] = outline(text) as [Record<string, unknown>];
    assert.deepEqual([document.a, document.b, document.c, document.d, document.i, document.k, document.l], [null, true, 0, 10.5, "it's", '1.2.3', 'on']);
    for (const key of ['e', 'f', 'g', 'h', 'j']) assert.throws(() => document[key], OutsideOutline, `${key} is left to yaml`);
  });

  it('refuses what shapes the structure in ways it does not follow', () => {
    const refused = [
      'a: &x 1\nb: *x\n', // anchors and aliases (an unknown alias makes yaml throw)
      'a: !!str 1\n', // tags
      'a: "one\n  b: two" x\nc: 1\n', // text after a quoted scalar over lines
      'a: "one\nb: two"\n', // a quoted scalar's lines not past the key's
      'a: [1,\n- 2]\n', // a flow collection over lines whose line could be an entry
      'a: [1,\n  2] 3\n', // text after a flow collection over lines
      'a: [1,\n  # c\n  2]\n', // a comment inside it
      'a: [1,\n2]\n', // its lines not past the key's
      'a: [1,\n  *x]\n', // an alias inside it
      'a: 1\na: 2\n', // duplicate keys: yaml keeps the first place and the last value
      'a: 1\n"a": 2\n',
      

      '<<: {b: 1}\n',
      '__proto__: 1\n',
      'a:\n\tb: 1\n', // a tab in the indentation
      ': -\t&an \n', // a tab after a dash: yaml reads an entry where a space-only reading sees text
      'a: x\ty\n', // a tab anywhere, even where it is only text
      'a: b: c\n', // a mapping on one line
      'a: 1\n  b: 2\n', // a key under a scalar
      'a:\n    b: 1\n  c: 2\n', // indentation that matches no level
      '%YAML 1.1\n---\na: yes\n', // a directive changes the schema
      '--- !tag\na: 1\n',
      'a: 1\r\nb: 2\r\n',
      '\ufeffa: 1\n',
      '- a\n- b\n', // a sequence as the document
      'a: 1 # c\n  continued\n', // text after a comment
      'true: 1\n', // a key yaml reads as a boolean
      'a: "x"y\n',
      'a: [x}\n',
      'a:\n  "text"\n  more\n',
      'a: 1\u00a0\n', // a no-break space is text to yaml, not a blank
      'a: b\u00a0# c\n',
      'a:\n\u00a0 # c\n  b: 1\n',
    ];
    for (const text of refused) {
      assert.equal(outline(text), null, `refused: ${JSON.stringify(text)}`);
      assert.deepEqual(withYamlDocuments(text, (documents) => documents), yamlDocuments(text), 'the readers get what yaml gives');
    }
  });

  it('reads comments holding spaces of Unicode', () => {
    assert.ok(agrees('a:\n  # no\u00a0break\n  b: 1\n'));
  });

  it('reads scalars on lines of their own, and comments holding colons', () => {
    const text = 'example:\n  ["a@1.2.3.4:26656"]\nname:\n  plain text\nsections:\n  - standard # captures: std\n  - default\n';
    assert.ok(agrees(text));
    const [document] = outline(text) as [Record<string, unknown>];
    assert.deepEqual([document.name, document.sections], ['plain text', ['standard', 'default']]);
  });

  it('reads the commented-out examples a chart\'s values file keeps under a value, and leaves a scalar going on after a comment to yaml', () => {
    const values = 'customRules: {}\n  # AlertmanagerFailedReload:\n  #   for: 3m\nenv: []\n    # - name: SOMEVAR\nimage:\n  repository: quay.io/prometheus/prometheus\n  tag: v3.0.0 # pinned\n  # digest: sha256:abc\nreplicas: 1\n';
    assert.ok(agrees(values));
    assert.deepEqual(Object.keys((outline(values) as [Record<string, unknown>])[0]), ['customRules', 'env', 'image', 'replicas']);
    assert.equal(outline('a: x\n  # note\n  y\nb: 1\n'), null);
  });

  it('reads a text whose tabs stand only in comment lines, and refuses one with a tab anywhere else', () => {
    assert.ok(agrees('a:\n  ## \tmetric relabel configs\n  b: 1\n'));
    assert.equal(outline('a: 1 # x\ty\n'), null);
    assert.equal(outline('a:\n\t# x\n  b: 1\n'), null);
  });

  it('reads a block scalar to its end, whatever its lines hold', () => {
    const text = 'a: |\n  b: 1\n  - c\n  "d\n\n   e: [\nf: >-\n    x\ng: 2\n';
    assert.ok(agrees(text));
    assert.deepEqual(Object.keys((outline(text) as [Record<string, unknown>])[0]), ['a', 'f', 'g']);
  });

  it('passes over a block scalar whose indentation is stated, its first line further in (a generated swagger.yaml)', () => {
    const text = 'paths:\n  /x:\n    get:\n      parameters:\n        - name: order_by\n          description: |2-\n             - ASC: ascending\n            - DESC: descending\n          in: query\nswagger: "2.0"\n';
    assert.ok(agrees(text));
    assert.deepEqual(Object.keys((outline(text) as [Record<string, unknown>])[0]), ['paths', 'swagger']);
    assert.equal(outline('a: |2\n b\n'), null, 'a line short of the stated indentation is refused');
    assert.equal(outline('- |2\n   b\n'), null, "a sequence entry's stated indentation is left to yaml");
  });

  it('agrees with yaml on any text built from YAML’s pieces, or refuses it', () => {
    const piece = fc.constantFrom(
      'a:', 'b: 1', 'c: x y', '- ', '-', '- d: 2', '  ', '    ', '\t', '"q: r"', "'s''t'", '"u', '[v, w]', '{x: 1}', '[]', '{}', '[y', '|', '>-', '|2-', '>1', '|+2', '# z',
      ' #', '*al', '&an ', '!t ', '? ', ': ', '---', '...', '~', 'true', '010', '-5', '1.5', '0x1', '1e2', 'é', '\\"', '<<:', 'k:v', 'e: f: g',
      'h: i (j: 1) k', 'l (m: n):', ': "o"', '\u00a0', '\u3000#', ']', '}', 'p]', ', q', '{r: [s,', '"t]"', '- {u: 1}', '{v: 2}: w', 'x"', "y'",
    );
    const line = fc.array(piece, { minLength: 0, maxLength: 4 }).map((parts) => parts.join(''));
    const text = fc.array(line, { minLength: 1, maxLength: 10 }).map((lines) => `${lines.join('\n')}\n`);
    let read = 0;
    fc.assert(fc.property(text, (candidate) => {
      if (agrees(candidate)) read += 1;
    }), { numRuns: 3000 });
    // Not a vacuous property: the outline reads some of them (140 of 3,000 on average, 12 either way: a floor of 100 failed about once in 3,000 runs).
    assert.ok(read > 60, `the outline read ${read} of the texts`);
  });

  it('passes over a flow collection over lines, a pipeline\'s triggers, and leaves it to yaml when read', () => {
    const text = 'on:\n  push:\n    branches: [\n      main,\n      "release/*",\n    ]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    needs: {\n      a: 1 }\n';
    assert.ok(agrees(text));
    const [document] = outline(text) as [{ on: { push: Record<string, unknown> }; jobs: { build: Record<string, unknown> } }];
    assert.equal(document.jobs.build['runs-on'], 'ubuntu-latest');
    assert.throws(() => document.on.push.branches, OutsideOutline);
    assert.deepEqual(withYamlDocuments(text, (documents) => (documents?.[0] as { on: { push: { branches: unknown } } }).on.push.branches), ['main', 'release/*']);
  });

  it('passes over a quoted scalar over lines, which swallows what looks like a key, and leaves its text to yaml', () => {
    const text = 'with:\n  changelog-types: \'[\n    {"type": "feat", "section": "Enhancements"},\n    {"type": "fix", "section": "Bug Fixes"}]\'\n  a: "one\n    b: two"\nc: 1\n';
    assert.ok(agrees(text));
    const [document] = outline(text) as [{ with: Record<string, unknown>; c: unknown }];
    assert.deepEqual(Object.keys(document.with), ['changelog-types', 'a']);
    assert.equal(document.c, 1);
    assert.throws(() => document.with.a, OutsideOutline);
  });

  it('reads a flow collection standing alone as a value, a matrix entry among them, and a flow collection used as a key as yaml', () => {
    const matrix = 'jobs:\n  build:\n    strategy:\n      matrix:\n        include:\n          - { dotnet: "8.0", os: ubuntu-latest }\n          - {\n              dotnet: "6.0" }\n    runs-on: x\n';
    assert.ok(agrees(matrix));
    assert.ok(agrees('a:\n  [b, c]\n'));
    assert.equal(outline('a:\n  - {k: 1}: v\n'), null);
  });

  it('leaves to yaml the collection that holds a scalar with a colon in it, and reads the rest', () => {
    const text = 'paths:\n  /blocks:\n    get:\n      summary: Headers (max: 20) by height\n      tags: [Info]\n    post: {}\n  /health:\n    get:\n      summary: Heartbeat\n';
    assert.ok(agrees(text));
    const [document] = outline(text) as [{ paths: Record<string, Record<string, unknown>> }];
    assert.deepEqual(Object.keys(document.paths), ['/blocks', '/health']);
    assert.deepEqual(Object.keys(document.paths['/blocks'] ?? {}), ['get', 'post']);
    assert.throws(() => document.paths['/blocks']?.get, OutsideOutline);
    assert.deepEqual(document.paths['/health'], { get: { summary: 'Heartbeat' } });
    assert.deepEqual([...schemaNames('openapi.yaml', text)].sort(), ['get /blocks', 'get /health', 'post /blocks']);
    for (const refused of [
      'a: b: c\n', // the document itself
      'a:\n  b: c: [d,\n    e]\n', // a flow collection after the colon
      'a:\n  b: c: "d\n    e"\n', // a quoted scalar after the colon
      'a:\n  b: c: - d\n', // an entry after the colon
      'a:\n  b: c: &d e\n', // an anchor after the colon
    ]) assert.equal(outline(refused), null, `refused: ${JSON.stringify(refused)}`);
  });

  it('builds no collection deeper than its reader reads, and checks those as any other', () => {
    const [document] = outline(OPENAPI, 2) as [{ paths: Record<string, Record<string, unknown>>; components: Record<string, unknown> }];
    assert.deepEqual(Object.keys(document.paths), ['/health', '/block/{height}']);
    assert.deepEqual(Object.keys(document.paths['/health'] ?? {}), ['get']);
    assert.throws(() => document.paths['/health']?.get, OutsideOutline);
    assert.throws(() => (document.components.schemas as Record<string, unknown>).Block, OutsideOutline);
    type Schemas = { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    const [deeper] = outline(OPENAPI, 4) as [Schemas];
    assert.deepEqual(Object.keys(deeper.components.schemas.Block?.properties ?? {}), ['header', 'data'], 'deep enough for documentNames');
    assert.throws(() => deeper.components.schemas.Block?.properties.header, OutsideOutline);
    assert.ok(agrees('a:\n  b:\n    c: [d,\n      e]\n', 0), 'a flow collection over lines is passed over where it is not built');
    assert.ok(agrees('a:\n  b:\n    c: 1\n    c: 2\n', 1), 'a duplicate key in a mapping not built changes only that mapping');
  });

  it('agrees with yaml on nested collections holding scalars with colons, or refuses them', () => {
    const scalar = fc.constantFrom('x', 'x (m: 1) y', 'p: q: r', 'p: q:', 'u:v', 'w # c: d', '"s": t', 'z: -1', 'z: [1]', '1', '~');
    const node: fc.Memo<string[]> = fc.memo((depth) => depth <= 1
      ? scalar.map((value) => [value])
      : fc.oneof(
        scalar.map((value) => [value]),
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), node(depth - 1)), { minLength: 1, maxLength: 3 }).map((entries) => entries.flatMap(([key, lines]) =>
          lines.length === 1 && !lines[0]?.startsWith(' ') && !lines[0]?.startsWith('-') ? [`${key}: ${lines[0]}`] : [`${key}:`, ...lines.map((line) => `  ${line}`)])),
        fc.array(node(depth - 1), { minLength: 1, maxLength: 3 }).map((entries) => entries.flatMap((lines) => lines.map((line, at) => `${at === 0 ? '-' : ' '} ${line}`))),
      ));
    const indentation = fc.constantFrom('', ' ', '  ', '   ');
    const text = fc.tuple(node(4), fc.array(fc.tuple(fc.nat(40), indentation), { maxLength: 2 })).map(([lines, shifts]) => {
      // Some lines moved left or right: indentation that matches no level, or the next level's.
      const moved = [...lines];
      for (const [at, shift] of shifts) if (moved.length > 0) moved[at % moved.length] = `${shift}${moved[at % moved.length] as string}`;
      return `root:\n${moved.map((line) => `  ${line}`).join('\n')}\n`;
    });
    let read = 0;
    fc.assert(fc.property(text, fc.nat(5), (candidate, deepest) => {
      const full = agrees(candidate);
      if (full) read += 1;
      // Building less gives what yaml gives too, and never refuses more (a duplicate key where it does not build, it may refuse less).
      assert.ok(agrees(candidate, deepest) || !full);
    }), { numRuns: 3000 });
    assert.ok(read > 300, `the outline read ${read} of the texts`);
  });
});
