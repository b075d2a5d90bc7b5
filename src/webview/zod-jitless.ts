// Imported first by the map's entry, before any schema is built: zod decides at
// construction whether to compile parsers with `new Function`, and its probe for
// eval is a violation of the page's CSP (reported, although zod catches the throw).
import { config } from 'zod/v4/core';

config({ jitless: true });
