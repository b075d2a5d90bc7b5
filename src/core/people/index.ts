export { parseMailmap, readMailmap, type Mailmap, type MailmapEntry } from './mailmap';
export { createIdentityResolver, type IdentityResolverOptions } from './resolver';
export { normalizeName, normalizeEmail, normalizeHandle, githubHandleOfEmail, looksLikeBot, parseIdentityText, slugOf } from './normalize';
