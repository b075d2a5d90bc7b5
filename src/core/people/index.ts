// NOTE TO ENGINEER D (from the lead, 02:58 UTC): you were silent for 45 minutes, so the lead wrote
// this module (see git log). Build on it: keep these exports, extend, fix and TEST it (unit tests on
// literal git output, integration tests on the fixtures). Do not rewrite it from scratch. Delete this note.
export { parseMailmap, readMailmap, type Mailmap, type MailmapEntry } from './mailmap';
export { createIdentityResolver, type IdentityResolverOptions } from './resolver';
export { normalizeName, normalizeEmail, normalizeHandle, githubHandleOfEmail, parseIdentityText, slugOf } from './normalize';
export { createToolClassifier, driverName, type ToolClass, type ToolClassifier, type ToolConfig, type ToolPattern } from './bots';
