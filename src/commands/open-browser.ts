type Env = Readonly<Record<string, string | undefined>>;

/** A browser can open here: not over SSH, and on Linux only with a display (else xdg-open may start
 *  a text browser in this very terminal). */
export function canOpenBrowser(env: Env, platform: NodeJS.Platform = process.platform): boolean {
  if (env.SSH_CONNECTION || env.SSH_TTY) return false;
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export async function openWithSystemBrowser(url: string): Promise<void> {
  const { default: open } = await import('open');
  const child = await open(url);
  child.on('error', () => {}); // no browser here: the printed link is enough
}
