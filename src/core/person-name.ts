// How a person is called by name, one rule everywhere (the engine's sentences and the drafts).

const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|prof)\.?$/i;

/** The name to greet someone by: "Jane Smith" → "Jane", "Smith, Jane" → "Jane", "Dr. Jane Smith" → "Dr. Smith". */
export function firstName(fullName: string | undefined): string | undefined {
  const name = (fullName ?? '').replace(/\s+/g, ' ').trim();
  if (name === '' || name.includes('@')) return undefined;
  const comma = name.indexOf(',');
  if (comma > 0) return name.slice(comma + 1).trim().split(' ')[0] || undefined;
  const words = name.split(' ');
  const [first, ...rest] = words;
  if (first !== undefined && HONORIFIC.test(first) && rest.length > 0) {
    return `${first.endsWith('.') ? first : `${first}.`} ${rest[rest.length - 1]}`;
  }
  return first;
}
