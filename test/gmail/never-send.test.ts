import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { forbiddenGmailRequest } from '../helpers/gmail-forbidden.ts';
import { startGmailServer, type GmailServer } from '../helpers/gmail-server.ts';
import { clientFor, gmailFixture } from '../helpers/gmail-test-kit.ts';
import { assertNothingForbidden, takeForbiddenRequests } from '../setup/never-send.ts';

// These tests make forbidden requests on purpose, to prove that the suite-wide guard
// (test/setup/never-send.ts) sees them; each takes what the guard caught, so the suite stays green.

let server: GmailServer | undefined;
afterEach(async () => {
  nock.cleanAll();
  await server?.close();
  server = undefined;
});

const RAW = Buffer.from('To: priya@acme.example\r\nSubject: hi\r\n\r\nhello\r\n').toString('base64url');

describe('the never-send guard', () => {
  it('catches every way the real client could send, insert, import, trash or delete mail', async () => {
    server = await startGmailServer();
    const { id, threadId } = await server.addMessage(gmailFixture('invite'));
    const gmail = await clientFor(server);
    const attempts = [
      () => gmail.users.messages.send({ userId: 'me', requestBody: { raw: RAW } }),
      () => gmail.users.drafts.send({ userId: 'me', requestBody: { id: 'r1' } }),
      () => gmail.users.messages.insert({ userId: 'me', requestBody: { raw: RAW } }),
      () => gmail.users.messages.import({ userId: 'me', requestBody: { raw: RAW } }),
      () => gmail.users.messages.trash({ userId: 'me', id }),
      () => gmail.users.messages.delete({ userId: 'me', id }),
      () => gmail.users.messages.batchDelete({ userId: 'me', requestBody: { ids: [id] } }),
      () => gmail.users.messages.modify({ userId: 'me', id, requestBody: { removeLabelIds: ['INBOX'] } }),
      () => gmail.users.threads.trash({ userId: 'me', id: threadId }),
      () => gmail.users.threads.delete({ userId: 'me', id: threadId }),
      () => gmail.users.drafts.update({ userId: 'me', id: 'r1', requestBody: { message: { raw: RAW } } }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ status: 500 });
    const caught = takeForbiddenRequests();
    expect(caught).toHaveLength(attempts.length);
    expect(caught[0]).toMatch(/^POST \/gmail\/v1\/users\/me\/messages\/send .*\(send\)$/);
    expect(server.forbidden).toHaveLength(attempts.length);
    expect(server.store.messages.size).toBe(1);
  });

  it('catches a send through fetch and one that nock answers, whatever the host', async () => {
    server = await startGmailServer();
    await fetch(`${server.url}gmail/v1/users/me/drafts/send`, { method: 'POST', body: '{}' });
    nock('https://gmail.googleapis.com').post('/gmail/v1/users/me/messages/send').reply(200, { id: 'sent' });
    await fetch('https://gmail.googleapis.com/gmail/v1/users/me/messages/send', { method: 'POST', body: '{}' });
    expect(takeForbiddenRequests()).toEqual([
      expect.stringMatching(/^POST \/gmail\/v1\/users\/me\/drafts\/send/),
      expect.stringMatching(/^POST \/gmail\/v1\/users\/me\/messages\/send/),
    ]);
  });

  it('fails the test that made one', async () => {
    server = await startGmailServer();
    const gmail = await clientFor(server);
    await expect(gmail.users.messages.send({ userId: 'me', requestBody: { raw: RAW } })).rejects.toMatchObject({ status: 500 });
    expect(() => assertNothingForbidden()).toThrow(/must never send or delete mail[\s\S]*messages\/send/);
    expect(() => assertNothingForbidden()).not.toThrow();
  });

  it('lets through what the product does: reads, drafts.create and drafts.delete', async () => {
    server = await startGmailServer();
    await server.addMessage(gmailFixture('invite'));
    const gmail = await clientFor(server);
    const { data } = await gmail.users.drafts.create({ userId: 'me', requestBody: { message: { raw: RAW } } });
    await gmail.users.drafts.get({ userId: 'me', id: data.id! });
    await gmail.users.threads.list({ userId: 'me', q: 'from:acme.example' });
    await gmail.users.drafts.delete({ userId: 'me', id: data.id! });
    expect(takeForbiddenRequests()).toEqual([]);
    expect(server.forbidden).toEqual([]);
  });

  it('classifies paths, not just hosts', () => {
    expect(forbiddenGmailRequest('POST', '/gmail/v1/users/sam%40example.com/messages')).toMatch(/insert/);
    expect(forbiddenGmailRequest('POST', '/upload/gmail/v1/users/me/messages/send?uploadType=multipart')).toBe('send');
    expect(forbiddenGmailRequest('POST', '/upload/gmail/v1/users/me/drafts?uploadType=multipart')).toBe('media upload');
    expect(forbiddenGmailRequest('POST', '/batch/gmail/v1')).toBe('batch request');
    expect(forbiddenGmailRequest('POST', '/gmail/v1/users/me/settings/filters')).toMatch(/settings/);
    expect(forbiddenGmailRequest('GET', '/gmail/v1/users/me/messages/abc?format=raw')).toBeUndefined();
    expect(forbiddenGmailRequest('DELETE', '/gmail/v1/users/me/drafts/r1')).toBeUndefined();
  });
});
