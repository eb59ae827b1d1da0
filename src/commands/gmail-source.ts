import type { Config } from '../config/types.ts';
import { buildGmailClient } from '../gmail/client.ts';
import { gmailDraftStore } from '../gmail/gmail-draft-store.ts';
import { gmailMailbox } from '../gmail/gmail-mailbox.ts';
import { createGmailLimiter } from '../gmail/limiter.ts';
import { gmailIdentity } from '../gmail/profile.ts';
import type { Logger } from '../log.ts';
import type { Source } from './source.ts';

/** Gmail as the mailbox, and — only for `run` — as the place drafts are left. `report` gets no draft
 *  store at all, so it cannot write even by mistake. */
export async function gmailSource(args: {
  config: Config;
  log: Logger;
  env: Readonly<Record<string, string | undefined>>;
  write: boolean;
}): Promise<Source> {
  const { config, log } = args;
  const gmail = await buildGmailClient({ env: args.env });
  const limiter = createGmailLimiter({
    quotaUnitsPerMinute: config.gmail.quotaUnitsPerMinute,
    concurrency: config.gmail.maxConcurrency,
    retry: { onRetry: (e) => log.warn('gmail retry', { what: e.what, status: e.status, reason: e.reason, code: e.code, url: e.url, attempt: e.attempt, delayMs: e.delayMs }) },
  });
  const identity = await gmailIdentity(gmail, limiter);
  return {
    mailbox: gmailMailbox(gmail, { limiter }),
    mailboxId: `gmail:${identity.email}`,
    store: args.write ? gmailDraftStore(gmail, { limiter }) : undefined,
    myAddresses: identity.aliases,
    ...(identity.displayName ? { myName: identity.displayName } : {}),
  };
}
