// The JSON Schema editors use, generated from the zod schema the code validates with.
import * as z from 'zod';
import { configSchema } from './schema.ts';

export const SCHEMA_FILE_NAME = 'config.schema.json';

export function configJsonSchema(): Record<string, unknown> {
  // io "input": fields with defaults are optional in the file. draft-7 has the widest editor support.
  return z.toJSONSchema(configSchema, { io: 'input', target: 'draft-7' });
}

/** The exact text of config.schema.json. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
