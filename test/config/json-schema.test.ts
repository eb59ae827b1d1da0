import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, configJsonSchemaText } from '../../src/config/json-schema.ts';

const committed = fileURLToPath(new URL('../../config.schema.json', import.meta.url));

type Node = Record<string, unknown>;

function objectsIn(node: unknown, path = '#'): { path: string; node: Node }[] {
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as Node).type === 'object' ? [{ path, node: node as Node }] : [];
  const children = Object.entries(node).flatMap(([key, child]) => objectsIn(child, `${path}/${key}`));
  return [...own, ...children];
}

describe('config.schema.json', () => {
  it('is exactly what the zod schema generates (run `npm run schema` after changing it)', async () => {
    expect(await readFile(committed, 'utf8')).toBe(configJsonSchemaText());
  });

  it('forbids unknown keys in every object, as the validation does', () => {
    const objects = objectsIn(configJsonSchema());
    expect(objects.map((o) => o.path)).toContain('#/properties/interviews/items');
    for (const { path, node } of objects) expect([path, node.additionalProperties]).toEqual([path, false]);
  });

  it('describes every property for editor tooltips', () => {
    const undocumented = objectsIn(configJsonSchema()).flatMap(({ path, node }) =>
      Object.entries((node.properties ?? {}) as Record<string, Node>)
        .filter(([, property]) => typeof property.description !== 'string')
        .map(([key]) => `${path}/${key}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('leaves fields with defaults optional and shows the defaults', () => {
    const schema = configJsonSchema() as { required: string[]; properties: Record<string, Node> };
    expect(schema.required ?? []).toEqual([]);
    const policy = schema.properties.policy as { properties: Record<string, Node>; required?: string[] };
    expect(policy.required ?? []).toEqual([]);
    expect(policy.properties.thankYouCutoffHour?.default).toBe(12);
  });
});
