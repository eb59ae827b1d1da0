import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/types.ts';
import type { ParsedMessage } from '../../src/mailbox/parse-message.ts';
import { threadMessages } from '../../src/mailbox/thread-messages.ts';

function parsed(messageId: string, day: number, more: { refs?: string[]; gmail?: string } = {}): ParsedMessage {
  const message: Message = {
    id: messageId,
    threadId: more.gmail ?? messageId,
    messageId,
    inReplyTo: more.refs?.at(-1),
    references: more.refs ?? [],
    replyTo: [],
    to: [],
    cc: [],
    date: new Date(Date.UTC(2026, 10, day)),
    subject: messageId,
    labels: [],
    headers: {},
    text: '',
  };
  return { message, gmailThreadId: more.gmail };
}

const shape = (items: ParsedMessage[]): Record<string, string[]> =>
  Object.fromEntries(threadMessages(items).map((t) => [t.id, t.messages.map((m) => m.id)]));

describe('threadMessages', () => {
  it('follows References chains, whatever order the messages come in, oldest first', () => {
    expect(shape([parsed('<c>', 3, { refs: ['<a>', '<b>'] }), parsed('<a>', 1), parsed('<b>', 2, { refs: ['<a>'] })])).toEqual({
      '<a>': ['<a>', '<b>', '<c>'],
    });
  });

  it('names a thread after the root its oldest message refers to, even when the root is missing', () => {
    expect(shape([parsed('<b>', 2, { refs: ['<a>'] }), parsed('<c>', 3, { refs: ['<a>', '<b>'] })])).toEqual({
      '<a>': ['<b>', '<c>'],
    });
  });

  it('keeps unrelated messages apart (no threading by subject)', () => {
    expect(Object.keys(shape([parsed('<a>', 1), parsed('<b>', 2)]))).toEqual(['<a>', '<b>']);
  });

  it("keeps Gmail's threads as Gmail made them, and lets a message without X-GM-THRID join one", () => {
    const items = [
      parsed('<a>', 1, { gmail: 'g1' }),
      parsed('<b>', 2, { refs: ['<a>'], gmail: 'g2' }),
      parsed('<c>', 3, { refs: ['<a>'] }),
    ];
    expect(shape(items)).toEqual({ g1: ['<a>', '<c>'], g2: ['<b>'] });
  });

  it('keeps a message seen twice once', () => {
    expect(shape([parsed('<a>', 1), parsed('<a>', 1), parsed('<b>', 2, { refs: ['<a>'] })])).toEqual({ '<a>': ['<a>', '<b>'] });
  });
});
