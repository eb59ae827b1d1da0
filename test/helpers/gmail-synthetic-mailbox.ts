// A generated job search for the Gmail benchmark: interviews, each with threads of real RFC 5322
// messages (threaded by References and subject), applicant-tracking mail, some drafts, and
// unrelated mail the searches must not touch.
import type { Interview } from '../../src/core/types.ts';
import type { GmailServer } from './gmail-server.ts';

export const ME = { name: 'Sam Seeker', emails: ['sam@example.com'] };

export interface SyntheticOptions {
  interviews: number;
  threads: number;
  /** Start of the first interview. */
  start?: Date;
}

function rfcDate(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

function raw(m: { id: string; from: string; to: string; subject: string; at: number; parents: string[]; text: string; extra?: string }): string {
  const lines = [
    `Message-ID: <${m.id}>`,
    `Date: ${rfcDate(m.at)}`,
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Subject: ${m.subject}`,
    ...(m.parents.length > 0 ? [`In-Reply-To: <${m.parents.at(-1)}>`, `References: ${m.parents.map((p) => `<${p}>`).join(' ')}`] : []),
    ...(m.extra ? [m.extra] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    m.text,
    '',
  ];
  return lines.join('\r\n');
}

export function syntheticInterviews(options: SyntheticOptions): Interview[] {
  const start = options.start?.getTime() ?? Date.parse('2026-10-05T14:00:00Z');
  return Array.from({ length: options.interviews }, (_, i) => {
    const domain = `company${i}.example`;
    const interviewers = [0, 1].map((k) => ({ name: `Person ${k} Of${i}`, email: `person${k}@${domain}`, topics: ['systems'] }));
    return {
      id: `interview-${i}`,
      company: `Company ${i}`,
      role: 'Engineer',
      source: 'config',
      start: new Date(start + (i % 30) * 86_400_000),
      durationMinutes: 60,
      interviewers,
      domains: [domain],
      contact: { name: interviewers[0]!.name, email: interviewers[0]!.email },
    };
  });
}

async function addThread(server: GmailServer, interview: Interview, t: number): Promise<void> {
  const they = interview.interviewers[t % 2]!;
  const subject = `${interview.role} at ${interview.company} (${t})`;
  const parents: string[] = [];
  const count = 2 + (t % 4);
  for (let k = 0; k < count; k++) {
    const mine = k % 2 === 1;
    const id = `${interview.id}.${t}.${k}@${mine ? 'example.com' : interview.domains[0]}`;
    const from = mine ? `${ME.name} <${ME.emails[0]}>` : `${they.name} <${they.email}>`;
    const to = mine ? `${they.name} <${they.email}>` : ME.emails[0]!;
    const at = interview.start.getTime() + (t * 3 + k) * 3_600_000;
    const text = mine ? `Thank you, ${they.name}. Message ${k}.` : `Hello Sam, about step ${k} of the process.`;
    await server.addMessage(raw({ id, from, to, subject: k === 0 ? subject : `Re: ${subject}`, at, parents: [...parents], text }));
    parents.push(id);
  }
}

/** Loads `threads` threads spread over the interviews, a third as many unrelated ones, ATS mail
 *  for every tenth company and a draft in every tenth thread. Deterministic: two servers loaded
 *  with the same options hold the same ids. */
export async function loadSyntheticMailbox(server: GmailServer, options: SyntheticOptions): Promise<Interview[]> {
  const interviews = syntheticInterviews(options);
  for (let t = 0; t < options.threads; t++) {
    const interview = interviews[t % interviews.length]!;
    await addThread(server, interview, Math.floor(t / interviews.length));
    if (t % 10 === 0) {
      const to = interview.interviewers[0]!;
      const extra = `X-Interview-Followup: ${interview.id}:check-in:${t}`;
      const draft = raw({ id: `draft-${t}@example.com`, from: ME.emails[0]!, to: to.email, subject: `Checking in (${t})`, at: interview.start.getTime(), parents: [], text: 'Any news?', extra });
      await server.store.createDraft(Buffer.from(draft), undefined);
    }
  }
  for (let i = 0; i < interviews.length; i += 10) {
    const interview = interviews[i]!;
    const text = `Thank you for interviewing with ${interview.company}. We will be in touch.`;
    await server.addMessage(raw({ id: `ats-${i}@greenhouse.io`, from: 'no-reply@greenhouse.io', to: ME.emails[0]!, subject: 'Application update', at: interview.start.getTime() + 86_400_000, parents: [], text }));
  }
  for (let n = 0; n < Math.floor(options.threads / 3); n++) {
    await server.addMessage(raw({ id: `news-${n}@news.example`, from: 'news@news.example', to: ME.emails[0]!, subject: `Newsletter ${n}`, at: Date.parse('2026-10-20T08:00:00Z') + n * 60_000, parents: [], text: 'Unrelated.' }));
  }
  return interviews;
}
