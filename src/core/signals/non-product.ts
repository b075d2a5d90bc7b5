// Folders whose files are not the product: tests and their data, examples and samples,
// and other people's code kept in the repository. A manifest, a Dockerfile or a
// migration there is test data, a usage example or a vendored copy; changing it
// decides nothing about what the project runs on.
const TEST_KIND = '(?:unit|integration|functional|acceptance|contract|e2e|end2end|smoke|load|perf|performance|api|ui|system|component)';
const NOT_THE_PRODUCT = [
  'tests?', '__tests__', 'e2e', 'integration[-_]?tests?', 'fixtures?', '__fixtures__', 'testdata', 'test[-_]?data', 'test[-_]?cases?',
  'examples?', 'samples?', 'mocks?', '__mocks__', 'vendor', 'third[-_]party', 'node_modules',
  // A project of tests named after what it tests: `Billing.Tests`, `Connectors.UnitTests`, `api-tests`, `web_e2e_tests`
  // (never a lone `-test`: `ab-test` may be a product's).
  `.+\\.${TEST_KIND}?tests?`, `.+[-_](?:${TEST_KIND}[-_]?tests?|tests)`,
];

/** A folder name from NOT_THE_PRODUCT, with more that hold no product code (a module there is none). */
export function folderPattern(more: readonly string[] = []): RegExp {
  return new RegExp(`^(?:${[...NOT_THE_PRODUCT, ...more].join('|')})$`, 'i');
}

const NOT_THE_PRODUCT_DIR = folderPattern();

/** Whether any folder of the path is one whose files are not the product (`folders`: a folderPattern). */
export function inNonProductFolder(path: string, folders: RegExp = NOT_THE_PRODUCT_DIR): boolean {
  const parts = path.split('/');
  parts.pop();
  return parts.some((part) => folders.test(part));
}
