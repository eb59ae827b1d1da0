import type { ReadProgress } from '../mailbox/port.ts';

/** A one-line progress display on stderr, only when stderr is a terminal. */
export function progressPrinter(stream: NodeJS.WriteStream): { update: (p: ReadProgress) => void; done: () => void } {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[K${describe(p)}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

function describe(p: ReadProgress): string {
  const parts: string[] = [];
  if (p.bytesRead !== undefined) {
    const mb = (n: number) => (n / 1_048_576).toFixed(0);
    parts.push(p.bytesTotal ? `read ${mb(p.bytesRead)} of ${mb(p.bytesTotal)} MB` : `read ${mb(p.bytesRead)} MB`);
  }
  if (p.messagesMatched !== undefined) parts.push(`${p.messagesMatched} messages matched`);
  if (p.threadsFetched !== undefined) parts.push(`threads fetched ${p.threadsFetched}${p.threadsTotal ? ` of ${p.threadsTotal}` : ''}`);
  return parts.join(', ');
}
