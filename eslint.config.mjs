import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core is pure: the extension passes what it needs.' }] }],
    },
  },
  {
    // The git layer reads history for whoever asks: it knows nothing of the analysis or the signals built on it.
    files: ['src/core/git/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core is pure: the extension passes what it needs.' }],
        patterns: [{ regex: '^(\\.\\./)+(analysis|signals|context|analyze|analysis-cache)(/|$)', message: 'src/core/git takes only its GitContext; the analysis and signals build on it, not the other way round.' }],
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
      // The map runs in a browser: it may use the protocol, the report model and
      // the pure zone math, decision rules and wording the CLI uses, nothing of node, vscode or the engines.
      'no-restricted-imports': ['error', { patterns: [{
        regex: '^(node:|vscode$|(\\.\\./)+(extension|cli)/|(\\.\\./)+core/(?!model/report$|model/compact-report$|analysis/zone$|analysis/describe$|rules/decision-rules$))',
        message: 'The webview imports only the protocol, the report model (plain and compact), zone math, the decision rules and describe.',
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
