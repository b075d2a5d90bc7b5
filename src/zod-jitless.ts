// Imported first by every bundle's entry (the extension, the map, the CLI), before
// any schema is built or used: zod decides whether to compile parsers with
// `new Function` by probing for eval, and the probe reads `navigator`. In the map
// the probe is a violation of the page's CSP (reported, although zod catches the
// throw); in VS Code's extension host, reading `navigator` logs a
// PendingMigrationError on every activation. Interpreted parsers are fast enough
// for our messages, config and settings.
import { config } from 'zod/v4/core';

config({ jitless: true });
