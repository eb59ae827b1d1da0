// What the product must never ask Gmail for: sending, inserting/importing mail, deleting or
// trashing messages and threads, changing labels or settings, overwriting drafts, batch and upload endpoints
// (which could hide any of these). Creating, reading and deleting its own drafts is allowed.

const USERS = /^\/gmail\/v1\/users\/[^/]+\/(.*)$/;

/** Why a request is forbidden, or undefined when it is allowed. */
export function forbiddenGmailRequest(method: string, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return undefined;
  }
  const verb = method.toUpperCase();
  if (/\/send\b/i.test(path)) return 'send';
  if (/^\/upload\/gmail\//.test(path)) return 'media upload';
  if (/^\/batch\/gmail\b/.test(path)) return 'batch request';
  const rest = USERS.exec(path)?.[1];
  if (rest === undefined) return undefined;
  if (/^(messages|threads)(\/|$)/.test(rest) && verb !== 'GET') return `${verb} ${rest.split('/')[0]} (insert, import, modify, trash or delete)`;
  if (/^drafts\/[^/]+$/.test(rest) && verb === 'PUT') return 'drafts.update (overwrites a draft)';
  if (/^(settings|labels)(\/|$)/.test(rest) && verb !== 'GET') return `${verb} ${rest.split('/')[0]}`;
  return undefined;
}
