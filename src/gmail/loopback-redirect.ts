import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError, UsageError } from '../errors.ts';

// The loopback redirect of Google's OAuth for installed apps: Google sends the browser back to
// http://127.0.0.1:PORT/?code=…&state=… (https://developers.google.com/identity/protocols/oauth2/native-app#step-2:-send-a-request-to-googles-oauth-2.0-server).
// Listening on 127.0.0.1 only: nothing off this machine can reach it.

export interface LoopbackOptions {
  /** 0 (default) lets the system pick a free port. A fixed one helps set up `ssh -L` first. */
  port?: number;
  /** The `state` sent in the consent URL: a redirect carrying another one is refused. */
  state: string;
  timeoutMs: number;
}

export interface LoopbackRedirect {
  redirectUri: string;
  port: number;
  /** The authorization code, once the browser comes back with one. */
  code: Promise<string>;
  close(): Promise<void>;
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title>` +
  `<body style="font-family:sans-serif;max-width:36em;margin:4em auto"><h1>${title}</h1><p>${text}</p></body>\n`;

function answer(res: ServerResponse, status: number, title: string, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(PAGE(title, text));
}

/** "5 minutes", "30 seconds", "300 ms". */
export function durationText(ms: number): string {
  if (ms >= 60_000) return `${Math.round(ms / 60_000)} minutes`;
  return ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`;
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new UsageError(`port ${port} on 127.0.0.1 is in use: pick another --port, or leave --port out`) : error);
    });
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts the one-shot server the browser is sent back to, and waits for the code until timeoutMs. */
export async function startLoopbackRedirect(options: LoopbackOptions): Promise<LoopbackRedirect> {
  let settle: { resolve: (code: string) => void; reject: (error: Error) => void } | undefined;
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  code.catch(() => {}); // awaited by the caller; never an unhandled rejection meanwhile
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/' || req.method !== 'GET') return answer(res, 404, 'Not found', 'This is followup’s sign-in page.');
    const params = url.searchParams;
    if (params.get('state') !== options.state) {
      return answer(res, 400, 'Sign-in link out of date', 'This answer belongs to another sign-in attempt. Use the link `followup auth` printed last.');
    }
    const error = params.get('error');
    if (error !== null) {
      answer(res, 200, 'Sign-in cancelled', 'Google says the sign-in did not complete. You can close this tab.');
      return settle!.reject(new AuthError(`Google sign-in did not complete (${error.slice(0, 100)}). Run \`followup auth\` to try again.`));
    }
    const value = params.get('code');
    if (!value) return answer(res, 400, 'No code', 'Google sent no authorization code. Run `followup auth` again.');
    answer(res, 200, 'Signed in', 'followup may now read your interview threads and leave drafts (it never sends). You can close this tab and go back to the terminal.');
    settle!.resolve(value);
  };
  const server = createServer(handle);
  const port = await listen(server, options.port ?? 0);
  const timer = setTimeout(() => {
    settle!.reject(new AuthError(`No answer from the browser within ${durationText(options.timeoutMs)}: sign-in abandoned. Run \`followup auth\` to try again.`));
  }, options.timeoutMs);
  const close = async () => {
    clearTimeout(timer);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { redirectUri: `http://127.0.0.1:${port}`, port, code, close };
}
