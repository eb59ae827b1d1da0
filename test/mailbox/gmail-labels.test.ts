import { describe, expect, it } from 'vitest';
import { mapTakeoutLabels } from '../../src/mailbox/gmail-labels.ts';

describe('mapTakeoutLabels', () => {
  it.each([
    ['Sent,Opened,Inbox,Important,Category Personal', ['SENT', 'Opened', 'INBOX', 'IMPORTANT', 'CATEGORY_PERSONAL']],
    ['Drafts', ['DRAFT']],
    ['Draft', ['DRAFT']],
    ['Starred,Unread', ['STARRED', 'UNREAD']],
    ['Spam', ['SPAM']],
    ['Trash', ['TRASH']],
    ['Chat', ['CHAT']],
    ['Category Social,Category Promotions,Category Updates,Category Forums', ['CATEGORY_SOCIAL', 'CATEGORY_PROMOTIONS', 'CATEGORY_UPDATES', 'CATEGORY_FORUMS']],
    ['Job search/Acme, Archived', ['Job search/Acme', 'Archived']],
    ['"Travel, 2026",Inbox', ['Travel, 2026', 'INBOX']],
    ['inbox,INBOX', ['INBOX']],
    ['', []],
    [' , ,', []],
  ])('%j → %j', (value, labels) => {
    expect(mapTakeoutLabels(value)).toEqual(labels);
  });
});
