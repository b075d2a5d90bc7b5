// Regenerates the shipped JSON schema: `npx tsx src/core/config/write-json-schema.ts`.
import { writeFileSync } from 'node:fs';
import { CONFIG_JSON_SCHEMA_FILE, configJsonSchemaText } from './json-schema';

writeFileSync(CONFIG_JSON_SCHEMA_FILE, configJsonSchemaText());
