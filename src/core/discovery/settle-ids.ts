// Which id each found interview gets: the id the caller persisted for its UID, else a fresh one
// (interview-id.ts). Ids are the keys drafts are remembered by, so two UIDs never share one: when
// fresh ids collide, with each other or with a persisted id, those UIDs get the 8-digit hash.
import { INTERVIEW_ID_PATTERN, interviewId } from './interview-id.ts';

export interface IdSource {
  uid: string;
  /** The company and the start of the first version of the invitation. */
  company: string;
  firstStart: Date;
}

export function settleIds(sources: readonly IdSource[], timezone: string, knownIds: ReadonlyMap<string, string>): Map<string, string> {
  const uids = new Set(sources.map((source) => source.uid));
  const counts = new Map<string, number>();
  const count = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [uid, id] of knownIds) if (!uids.has(uid)) count(id);
  const proposed = sources.map((source) => {
    const known = knownIds.get(source.uid);
    const usable = known !== undefined && INTERVIEW_ID_PATTERN.test(known);
    return { source, known: usable, id: usable ? known : interviewId({ ...source, timezone }) };
  });
  for (const { id } of proposed) count(id);
  const ids = new Map<string, string>();
  for (const { source, known, id } of proposed) {
    const collides = !known && (counts.get(id) ?? 0) > 1;
    ids.set(source.uid, collides ? interviewId({ ...source, timezone, hashLength: 8 }) : id);
  }
  return ids;
}
