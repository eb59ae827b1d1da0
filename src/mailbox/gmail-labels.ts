// Google Takeout writes Gmail labels by their display names in X-Gmail-Labels
// ("Sent,Opened,Inbox,Important,Category Personal"); the engine uses Gmail's system label ids.
const SYSTEM_LABELS: Readonly<Record<string, string>> = {
  sent: 'SENT',
  inbox: 'INBOX',
  drafts: 'DRAFT',
  draft: 'DRAFT',
  important: 'IMPORTANT',
  starred: 'STARRED',
  unread: 'UNREAD',
  spam: 'SPAM',
  trash: 'TRASH',
  chat: 'CHAT',
  chats: 'CHAT',
  'category personal': 'CATEGORY_PERSONAL',
  'category social': 'CATEGORY_SOCIAL',
  'category promotions': 'CATEGORY_PROMOTIONS',
  'category updates': 'CATEGORY_UPDATES',
  'category forums': 'CATEGORY_FORUMS',
};

/** Labels whose messages are never part of a job search's threads. */
export const IGNORED_LABELS: ReadonlySet<string> = new Set(['SPAM', 'TRASH', 'CHAT']);

const MAX_LABELS = 500;

/** Splits an X-Gmail-Labels value on commas outside double quotes and maps Takeout names to ids. */
export function mapTakeoutLabels(value: string): string[] {
  const labels: string[] = [];
  for (const name of splitLabels(value)) {
    const label = SYSTEM_LABELS[name.toLowerCase()] ?? name;
    if (!labels.includes(label)) labels.push(label);
    if (labels.length >= MAX_LABELS) break;
  }
  return labels;
}

function splitLabels(value: string): string[] {
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      names.push(current);
      current = '';
    } else current += char;
  }
  names.push(current);
  return names.map((name) => name.trim()).filter((name) => name !== '');
}
