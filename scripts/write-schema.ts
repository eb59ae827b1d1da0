// npm run schema: regenerates config.schema.json at the repository root from src/config/schema.ts.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { configJsonSchemaText, SCHEMA_FILE_NAME } from '../src/config/json-schema.ts';

const target = fileURLToPath(new URL(`../${SCHEMA_FILE_NAME}`, import.meta.url));
await writeFile(target, configJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
