export { parseMailmap, readMailmap, type Mailmap, type MailmapEntry } from './mailmap';
export { createIdentityResolver, type IdentityResolverOptions } from './resolver';
export { sharedMailboxes, type NamedAddress } from './mailboxes';
export { normalizeName, normalizeEmail, normalizeHandle, githubHandleOfEmail, parseIdentityText, slugOf } from './normalize';
export { createToolClassifier, driverName, type ToolClass, type ToolClassifier, type ToolConfig, type ToolPattern } from './bots';
