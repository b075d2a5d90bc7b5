import assert from 'node:assert/strict';
import fc from 'fast-check';
import { emptyInfrastructure, type InfrastructureFacts } from '../../../../src/core/signals/structural/infrastructure';
import { isRegExpSpace, readTerraform, withoutComments } from '../../../../src/core/signals/structural/terraform';
import { majorOf } from '../../../../src/core/signals/structural/version';

/**
 * The reader before the line walk (issue 15): global regular expressions over the
 * whole text and one per line of `split('\n')`. The walk must find what it found,
 * on any text.
 */
function formerReading(folder: string, text: string): InfrastructureFacts {
  const facts = emptyInfrastructure();
  const code = text.replace(/#.*$|\/\/.*$/gm, '');
  let block = '';
  for (const line of code.split('\n')) {
    const header = /^(resource|data|provider|module|terraform|variable|output|locals)\b(?:\s+"([^"]+)")?(?:\s+"([^"]+)")?/.exec(line);
    if (header) block = [header[1], header[2], header[3]].filter(Boolean).join(' ');
    const runtime = /^\s*(runtime|engine_version|elasticsearch_version|kubernetes_version|cluster_version)\s*=\s*"([^"$]+)"/.exec(line);
    const value = runtime?.[1] && runtime[2] ? (runtime[1] === 'runtime' ? runtime[2].replace(/\.x$/, '') : majorOf(runtime[2])) : null;
    if (runtime?.[1] && value) {
      facts.runtimes.add(`${runtime[1]} ${value}`);
      if (block.startsWith('resource ')) facts.targets.set(`${folder} ${block} ${runtime[1]}`, { kind: 'platform', value });
    }
    const major = majorOf(block.startsWith('provider ') ? /^\s*version\s*=\s*"([^"]+)"/.exec(line)?.[1] : undefined);
    if (major) facts.targets.set(`${folder} ${block}`, { kind: 'infrastructure', value: major });
  }
  for (const m of code.matchAll(/^\s*provider\s+"([^"]+)"/gm)) facts.things.add(`provider ${m[1]}`);
  for (const [, kind, type] of code.matchAll(/^\s*(resource|data)\s+"([^"]+)"\s+"[^"]+"/gm)) {
    facts.things.add(`${kind} ${type}`);
    if (kind === 'resource') facts.placed.add(`${folder} resource ${type}`);
  }
  for (const [, body] of code.matchAll(/^\s*module\s+"[^"]+"\s*\{([\s\S]*?)^\s*\}/gm)) {
    const source = /^\s*source\s*=\s*"([^"]+)"/m.exec(body as string)?.[1];
    if (source && !source.startsWith('.')) facts.things.add(`module ${source.replace(/[?&]ref=[^&]*/, '').replace(/\?$/, '')}`);
  }
  for (const [, body] of code.matchAll(/^\s*[\w-]+\s*=\s*\{([^}]*)\}/gm)) {
    const provider = /\bsource\s*=\s*"([^"]+)"/.exec(body as string)?.[1]?.split('/').pop();
    if (provider === undefined) continue;
    facts.things.add(`provider ${provider}`);
    const pinned = majorOf(/\bversion\s*=\s*"([^"]+)"/.exec(body as string)?.[1]);
    if (pinned) facts.targets.set(`${folder} provider ${provider}`, { kind: 'infrastructure', value: pinned });
  }
  return facts;
}

function read(text: string): InfrastructureFacts {
  const facts = emptyInfrastructure();
  readTerraform('stacks/app', text, facts);
  return facts;
}

/** Facts in the order they were found: the order findings come out in. */
function shown(facts: InfrastructureFacts): unknown {
  return { things: [...facts.things], runtimes: [...facts.runtimes], targets: [...facts.targets], placed: [...facts.placed] };
}

function assertAsBefore(text: string): void {
  assert.deepEqual(shown(read(text)), shown(formerReading('stacks/app', text)), JSON.stringify(text));
}

describe('Terraform reading', () => {
  it('reads providers, resources, data, modules, runtimes and pinned majors', () => {
    const text = [
      'terraform {',
      '  required_providers {',
      '    aws = { source = "hashicorp/aws", version = "~> 4.2" }',
      '  }',
      '}',
      'provider "google" {',
      '  version = "3.1.0"',
      '}',
      'resource "aws_lambda_function" "f" {',
      '  runtime = "python3.8" # was 3.7',
      '}',
      'data "aws_iam_policy" "p" {}',
      'module "vpc" {',
      '  source = "terraform-aws-modules/vpc/aws?ref=v2.1.0"',
      '}',
      'module "local" {',
      '  source = "../modules/local"',
      '}',
    ].join('\n');
    const facts = read(text);
    assert.deepEqual([...facts.things], ['provider google', 'resource aws_lambda_function', 'data aws_iam_policy', 'module terraform-aws-modules/vpc/aws', 'provider aws']);
    assert.deepEqual([...facts.runtimes], ['runtime python3.8']);
    assert.deepEqual([...facts.targets], [
      ['stacks/app provider google', { kind: 'infrastructure', value: '3' }],
      ['stacks/app resource aws_lambda_function f runtime', { kind: 'platform', value: 'python3.8' }],
      ['stacks/app provider aws', { kind: 'infrastructure', value: '4' }],
    ]);
    assert.deepEqual([...facts.placed], ['stacks/app resource aws_lambda_function']);
    assertAsBefore(text);
  });

  it('places a runtime only in a resource block, strips a runtime\'s .x, gives engines by major, and reads a version only in a provider block', () => {
    const text = [
      'terraform {',
      '  version = "9.9"',
      '}',
      'module "fn" {',
      '  runtime = "go1.x"',
      '}',
      'resource "aws_lambda_function" "f" {',
      '  runtime = "nodejs12.x"',
      '  runtime = "${var.runtime}"',
      '}',
      'resource "aws_rds_cluster" "db" {',
      '  engine_version = "11.4.2"',
      '}',
      'provider "aws" {',
      '  region = "eu-west-1"',
      '  version = ">= 2.7"',
      '}',
    ].join('\n');
    const facts = read(text);
    assert.deepEqual([...facts.runtimes], ['runtime go1', 'runtime nodejs12', 'engine_version 11']);
    assert.deepEqual([...facts.targets], [
      ['stacks/app resource aws_lambda_function f runtime', { kind: 'platform', value: 'nodejs12' }],
      ['stacks/app resource aws_rds_cluster db engine_version', { kind: 'platform', value: '11' }],
      ['stacks/app provider aws', { kind: 'infrastructure', value: '2' }],
    ]);
    assertAsBefore(text);
  });

  it('reads nothing from comments, and what a // in a string leaves as before', () => {
    const text = '# provider "aws" {\n// resource "a_b" "c" {}\nmodule "m" {\n  source = "git::https://example.com/m.git"\n}\nresource "x_y" "z" {} # resource "p_q" "r"\n';
    assert.deepEqual([...read(text).things], ['resource x_y']);
    assertAsBefore(text);
  });

  it('finds what the former reading found in hostile and malformed texts', () => {
    const traps = [
      '',
      '\n\n\n',
      '   \n \t\n',
      'provider\n"aws" {}\n',
      '\n\n   provider "aws" {}',
      'provider "aws\nprovider "google" {}\n',
      'resource "a" "b\nresource "c" "d" {}\n',
      'module "m" {\n  source = "x/y"\n  }\nmodule "n" {\n source = "p/q" }\n',
      'module "m" {\n  inner = {\n  }\n  source = "late/source"\n}\n',
      'aws =\n{\n source = "hashicorp/aws"\n version = "2.0" }\n',
      'a = { b = { source = "x/aws" } }\nc = { source = "y/gcp", version = "1.0.0" }\n',
      '-x- = {source="a/b",version="9.1"}',
      'provider "aws" {\r\n  version = "2.5"\r\n}\r\nresource "aws_db" "d" {\r\n  engine_version = "5.7"\r\n}\r\n',
      'provider "aws" {\u2028  version = "2.5"\u2028}\u2028resource "r_s" "t" {}',
      '\u00a0provider "nbsp" {}\n\ufeffresource "bom_r" "x" {}\n\u3000module "m" {\n\u2029source = "s/t"\n}',
      'resource "aws_lambda_function" "f" {\n  runtime = "nodejs12.x"\n  runtime = "${var.r}"\n  runtime=\n"python3.9"\n}\n',
      'resource "aws_rds_cluster" "c" {\n  engine_version\n  = "11.4"\n}\n',
      'provider "aws" {\nversion = "~> 1.0"\n  version\t=\t"2.0"\n}\nprovider "null" { version = "3.0" }\n',
      'Resource "a_b" "c" {}\nRESOURCE "d" "e"\n',
      '"provider" "x"\n= {\n}\n',
      'module "unterminated" {\n  source = "a/b"\n',
      'module "a" {}\n  source = "p/q"\n}\nmodule "b" { source = "r/s" }\n}\n',
      'module "a\n}\nb" {\n  source = "x/y"\n}\nmodule "c" {\n\u2028}\n  source = "late/c"\n}\n',
      'x = {\n  source = "a/b"\n',
      `${'\n'.repeat(5000)}provider "far" {}`,
    ];
    for (const text of traps) assertAsBefore(text);
  });

  it('finds what the former reading found on any text built from Terraform’s pieces', () => {
    const piece = fc.constantFrom(
      'provider "aws" {', 'resource "a_b" "c" {', 'data "d_e" "f"', 'module "m" {', 'aws = {', 'provider', 'resource', 'data', 'module', 'terraform', 'variable', 'locals', ' "aws"', ' "aws_s3_bucket"', '"b"', '"', ' ', '  ', '\t', '\r', '\u2028', '\u00a0',
      '{', '}', ' = ', '=', 'source = "hashicorp/aws"', 'source="../local"', 'version = "~> 3.1"', 'version = "2"', 'runtime = "python3.8"', 'engine_version = "5.7"',
      'cluster_version = "1.2"', 'aws', 'my-name', '# c', '// c', '/', '$', '?ref=v1', 'x',
    );
    const line = fc.array(piece, { minLength: 0, maxLength: 6 }).map((parts) => parts.join(''));
    const text = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));
    let found = 0;
    fc.assert(fc.property(text, (candidate) => {
      assertAsBefore(candidate);
      if (read(candidate).things.size > 0) found += 1;
    }), { numRuns: 3000 });
    assert.ok(found > 1000, `facts found in ${found} of the texts`);
  });

  it('reads a line’s first word only where a header, runtime, version or entry can begin', () => {
    const text = [
      'resources "a_b" "c" {',
      '  runtime = "go1.x"',
      '}',
      'provider {',
      '  version = "1.0"',
      '}',
      'module "m" {',
      '  inner {',
      '  }',
      '  source = "after/inner"',
      '}',
      'resource "aws_lambda_function" "f" {',
      '  runtimes = "python2.7"',
      '  runtime_version = "3"',
      '	 runtime	=	"nodejs18.x"',
      '}',
      'aws',
      '  =',
      '',
      '  { source = "hashicorp/aws", version = "5.1" }',
    ].join('\n');
    const facts = read(text);
    // `resources` is no header: the runtime in it counts, in no resource. `provider` without
    // a name opens no provider block; a module's body ends at its first line that closes a brace.
    assert.deepEqual([...facts.things], ['resource aws_lambda_function', 'provider aws']);
    // A module's body starts on the line after its brace, even where the brace is closed on it.
    assert.deepEqual([...read('module "a" {}\n  source = "p/q"\n}\n').things], ['module p/q']);
    assert.deepEqual([...facts.runtimes], ['runtime go1', 'runtime nodejs18']);
    assert.deepEqual([...facts.targets], [
      ['stacks/app resource aws_lambda_function f runtime', { kind: 'platform', value: 'nodejs18' }],
      ['stacks/app provider aws', { kind: 'infrastructure', value: '5' }],
    ]);
    assertAsBefore(text);
  });

  it('starts a line for the whole-text patterns at "\\r", U+2028 and U+2029, and for a line’s own reading only at "\\n"', () => {
    const text = 'provider "aws" {\r\n  version = "2.5"\r\n}\r\nx = 1\r  resource "a_b" "c" {}\u2029data "d_e" "f" {}\u2028 runtime = "python3.9"\n';
    const facts = read(text);
    assert.deepEqual([...facts.things], ['provider aws', 'resource a_b', 'data d_e']);
    assert.deepEqual([...facts.runtimes], []);
    assert.deepEqual([...facts.targets], [['stacks/app provider aws', { kind: 'infrastructure', value: '2' }]]);
    assertAsBefore(text);
  });

  it('cuts comments as the regular expression always did', () => {
    assert.equal(withoutComments('a = 1 # one\nb = "http://x" // two\r\nc'), 'a = 1 \nb = "http:\r\nc');
    assert.equal(withoutComments('#\u2028//\u2029/#/ /\n'), '\u2028\u2029/\n');
    const plain = 'resource "a" "b" {}\n';
    assert.equal(withoutComments(plain), plain);
    const piece = fc.constantFrom('#', '/', '//', '///', 'a', ' ', '"', '\n', '\r', '\u2028', '\u2029', '\u00e9');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
      assert.equal(withoutComments(text), text.replace(/#.*|\/\/.*/g, ''), JSON.stringify(text));
    }), { numRuns: 3000 });
  });

  it('finds what the former reading found where a first word is almost what it looks for', () => {
    const piece = fc.constantFrom(
      'resource', 'resources', 'resource-x', 'data', 'data_x', 'provider', 'providers', 'module', 'modulex', 'terraform', 'variable', 'output', 'locals',
      'runtime', 'runtimes', 'runtime_x', 'engine_version', 'elasticsearch_version', 'kubernetes_version', 'cluster_version', 'cluster', 'version', 'versions',
      ' "aws"', ' "a_b"', '"c"', ' = ', '=', '{', '}', ' {', ' {}', '"1.2.3"', '"python3.8"', '"~> 2.0"', 'source = "x/aws"', 'source="./local"', '-',
      ' ', '\t', '\u00a0', '\ufeff', '\u3000', '\r', '\r\n', '\u2028', '\u2029', '# c', '//c', 'x', '9',
    );
    const line = fc.array(piece, { minLength: 0, maxLength: 5 }).map((parts) => parts.join(''));
    const text = fc.array(line, { minLength: 1, maxLength: 14 }).map((lines) => lines.join('\n'));
    fc.assert(fc.property(text, assertAsBefore), { numRuns: 4000 });
  });

  it('takes as white space exactly what a regular expression’s \\s does', () => {
    for (let code = 0; code <= 0xffff; code++) assert.equal(isRegExpSpace(code), /\s/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
  });
});
