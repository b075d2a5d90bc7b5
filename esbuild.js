// Builds the bundles: the extension (Node, CommonJS, `vscode` external), the map
// app and its stylesheet (also inlined into the CLI's HTML report) and the CLI; a
// production build then keeps V8's code of one analysis beside the CLI's engine.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// zod's namespace export pulls every locale (1.6 MB of sources) into a bundle; our
// messages are English, so only its English locale is bundled.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: require.resolve('zod/v4/locales/en.js') } : undefined);
  },
};

// esbuild writes ASCII except in regular-expression literals and kept comments; one character past
// Latin-1 makes V8 and Chromium scan and compile the whole bundle as two-byte text
// (the map's first frame paid 90-120 ms for it). A \u escape means the same there.
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      const file = build.initialOptions.outfile;
      if (result.errors.length > 0 || !file || !file.endsWith('.js')) return;
      const text = fs.readFileSync(file, 'utf8');
      const ascii = text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
      if (ascii !== text) fs.writeFileSync(file, ascii);
    });
  },
};

const shared = {
  bundle: true,
  plugins: [zodEnglishOnly, asciiOnly],
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  {
    ...shared,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...shared,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...shared,
    entryPoints: ['media/map.css'],
    outfile: 'dist/webview.css',
  },
  // The CLI: a small launcher that starts the engine's bundle from V8's code kept by the last run or the build.
  {
    ...shared,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli-engine.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...shared,
    entryPoints: ['src/cli/launch.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
];

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('watching src/ for changes');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  if (production) {
    const { trainCodeCache } = await import('./scripts/train-code-cache.mjs');
    const missing = trainCodeCache(path.join(__dirname, 'dist'), __dirname);
    if (missing !== null) console.warn(`No code cache kept beside the CLI's engine (its first run compiles it): ${missing}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
