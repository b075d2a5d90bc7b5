// The JSON schema shipped for editors (schemas/decision-orbit.schema.json),
// generated from the zod schema so the two never disagree.
import * as z from 'zod';
import { configSchema } from './schema';

export const CONFIG_JSON_SCHEMA_FILE = 'schemas/decision-orbit.schema.json';

export function configJsonSchema(): Record<string, unknown> {
  // `input`: what a person may write (keys with defaults are optional).
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://decision-orbit.dev/schemas/decision-orbit.schema.json',
    title: 'Decision Orbit configuration (.decision-orbit.yml)',
  };
}

export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
