import { describe, expect, it } from 'vitest';
import { buildSearches, type QueryOptions } from '../../src/gmail/search-queries.ts';
import type { MailboxQuery } from '../../src/mailbox/port.ts';
import { parseQuery } from '../helpers/gmail-server-query.ts';

/** The `q` strings of the searches. */
const buildSearchQueries = (query: MailboxQuery, options?: QueryOptions): string[] => buildSearches(query, options).map((s) => s.q);

const since = new Date('2026-11-01T05:00:00Z');
const epoch = Math.floor(since.getTime() / 1000);

describe('buildSearches', () => {
  it('ORs from/to/cc for each address and domain and bounds the date in epoch seconds', () => {
    const queries = buildSearchQueries(
      { addresses: ['Jane@Acme.com'], domains: ['@acme.com'], companies: [], since },
      { atsDomains: [] },
    );
    expect(queries).toEqual([`{from:jane@acme.com to:jane@acme.com cc:jane@acme.com from:acme.com to:acme.com cc:acme.com} after:${epoch}`]);
    expect(queries[0]).not.toMatch(/\d{4}\/\d{2}\/\d{2}/);
  });

  it('splits long OR lists so every query stays under the limit, keeping each address whole', () => {
    const addresses = Array.from({ length: 200 }, (_, i) => `interviewer${i}@company${i % 17}.example`);
    const queries = buildSearchQueries({ addresses, domains: [], companies: [], since }, { atsDomains: [], maxLength: 1500 });
    expect(queries.length).toBeGreaterThan(1);
    for (const q of queries) {
      expect(q.length).toBeLessThanOrEqual(1500);
      expect(q.endsWith(` after:${epoch}`)).toBe(true);
      expect(() => parseQuery(q)).not.toThrow();
    }
    const terms = queries.flatMap((q) => q.slice(1, q.indexOf('}')).split(' '));
    expect(terms).toHaveLength(600);
    for (const a of addresses) expect(terms.filter((t) => t.endsWith(`:${a}`))).toEqual([`from:${a}`, `to:${a}`, `cc:${a}`]);
  });

  it('asks applicant-tracking systems only for mail naming a company', () => {
    const queries = buildSearchQueries(
      { addresses: [], domains: [], companies: ['Acme', 'Initech "Labs"', 'Acme'], since },
      { atsDomains: ['greenhouse.io', 'lever.co'] },
    );
    expect(queries).toEqual([`from:(greenhouse.io OR lever.co) ("Acme" OR ("Initech" "Labs")) after:${epoch}`]);
  });

  it('refuses values that could break out of the query instead of sending them', () => {
    const queries = buildSearchQueries(
      { addresses: ['ok@x.example', 'bad} OR {from:*', 'a b@c.d'], domains: ['(evil)'], companies: [], since },
      { atsDomains: [] },
    );
    expect(queries).toEqual([`{from:ok@x.example to:ok@x.example cc:ok@x.example} after:${epoch}`]);
  });

  it('makes no query at all when there is nothing to look for', () => {
    expect(buildSearchQueries({ addresses: [], domains: [], companies: [], since })).toEqual([]);
  });
});
