import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const CORE_NO_VSCODE = { name: 'vscode', message: 'src/core is pure: the extension passes what it needs.' };
const CORE_BELOW_SURFACES = { regex: '^(\\.\\./)+(extension|cli|webview|present|protocol)/', message: 'src/core is below every surface: they import it, not the other way round.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', '.vscode-test/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [CORE_NO_VSCODE], patterns: [CORE_BELOW_SURFACES] }],
    },
  },
  {
    // The git layer reads history for whoever asks: it knows nothing of the analysis or the signals built on it.
    files: ['src/core/git/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [CORE_NO_VSCODE],
        patterns: [CORE_BELOW_SURFACES, { regex: '^(\\.\\./)+(analysis|signals|context|analyze|analysis-cache)(/|$)', message: 'src/core/git takes only its GitContext; the analysis and signals build on it, not the other way round.' }],
      }],
    },
  },
  {
    // The words people read: one copy for the CLI, the extension and the map, so no surface of its own.
    files: ['src/present/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/present serves the CLI and the map too.' }], patterns: [{ regex: '^(\\.\\./)+(extension|cli|webview)/', message: 'src/present is below the surfaces: they import it, not the other way round.' }] }],
    },
  },
  {
    // What crosses between host and webview: the report model and zod, nothing that runs.
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|\\./|\\.\\./core/model/)', message: 'src/protocol imports only zod, the report model and itself.' }] }],
    },
  },
  {
    // The extension is one surface and the CLI another: what both need lives in core or present.
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+(cli|webview)/', message: 'The extension imports core, present and protocol; never the CLI or the map app.' }] }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }],
        patterns: [{ regex: '^(\\.\\./)+(extension|webview)/', message: 'The CLI imports core and present; never the extension or the map app.' }],
      }],
    },
  },
  {
    // main.ts picks a command; a command never reaches back into main.
    files: ['src/cli/commands/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }],
        patterns: [{ regex: '^(\\.\\./)+(extension|webview)/|^\\.\\./main$', message: 'A command imports core, present and the CLI helpers; main imports the commands, not the other way round.' }],
      }],
    },
  },
  {
    // The map's bundle takes the decision rules too: they stay pure and read only the report model.
    files: ['src/core/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\.\\./model/)', message: 'The decision rules import only the model (types).' }] }],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      // The map runs in a browser: it imports the protocol, the words (present), the report
      // model with its decision rules, the zone math it re-weighs under its filters and the
      // report's per-source window (what the sidebar lists);
      // nothing of node, vscode, the extension, the CLI or the engines that build the report.
      'no-restricted-imports': ['error', { patterns: [{
        regex: '^(node:|vscode$|(\\.\\./)+(extension|cli)/|(\\.\\./)+core/(?!model/|rules/|analysis/(zone|report-window)$))',
        message: 'The webview imports src/protocol, src/present, src/core/model, the decision rules, the zone math and the report window only.',
      }] }],
      'no-restricted-syntax': ['error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Repository text is hostile: build DOM with textContent, or pass sanitized markup through the one sanitizer.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Repository text is hostile.' }],
    },
  },
  {
    // A left-behind `.only` runs one test and a `.skip` none; both would print a green total.
    files: ['test/**/*.ts', 'test/**/*.mjs'],
    rules: {
      'no-restricted-properties': ['error',
        ...['describe', 'it', 'context', 'specify', 'suite', 'test'].flatMap((object) => ['only', 'skip'].map((property) => ({
          object, property, message: 'Every test runs in every run: npm test fails on .only and on skipped tests.',
        })))],
      'no-restricted-globals': ['error', ...['xit', 'xdescribe', 'xcontext', 'xspecify'].map((name) => ({ name, message: 'A skipped test is not a passed one.' }))],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { fetch: 'readonly', process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', window: 'readonly', document: 'readonly' } },
  },
  {
    // Without "type": "module" in package.json, .js files are CommonJS.
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
