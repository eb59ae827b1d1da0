// A read-only npm registry on 127.0.0.1 for installing the packed CLI with no network: it serves
// the packages package-lock.json pins, each tarball read from the local npm cache by the
// lockfile's integrity (cacache stores content at content-v2/<algorithm>/<hex digest>, the bytes
// `npm ci` downloaded). `npm install` needs the registry's full metadata documents, which `npm ci`
// never fetches, so `--offline` alone cannot install a tarball's dependencies from the cache;
// these documents are built from the lockfile, with the fields npm's resolver reads
// (https://github.com/npm/registry/blob/main/docs/responses/package-metadata.md).
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

interface LockEntry {
  name?: string;
  version: string;
  integrity?: string;
  link?: boolean;
  [field: string]: unknown;
}

interface Version {
  manifest: Record<string, unknown>;
  integrity: string;
}

export interface LocalRegistry {
  url: string;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

const MANIFEST_FIELDS = [
  'dependencies', 'optionalDependencies', 'peerDependencies', 'peerDependenciesMeta',
  'bin', 'engines', 'os', 'cpu', 'libc', 'license', 'hasInstallScript',
];

function nameOf(path: string, entry: LockEntry): string {
  return entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** name → version → manifest, from every registry package in the lockfile. */
function lockedVersions(lockfile: string): Map<string, Map<string, Version>> {
  const { packages } = JSON.parse(readFileSync(lockfile, 'utf8')) as { packages: Record<string, LockEntry> };
  const byName = new Map<string, Map<string, Version>>();
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '' || entry.link || entry.integrity === undefined) continue;
    const name = nameOf(path, entry);
    const manifest: Record<string, unknown> = { name, version: entry.version };
    for (const field of MANIFEST_FIELDS) if (entry[field] !== undefined) manifest[field] = entry[field];
    const versions = byName.get(name) ?? new Map<string, Version>();
    versions.set(entry.version, { manifest, integrity: entry.integrity });
    byName.set(name, versions);
  }
  return byName;
}

/** Where cacache keeps the content with this Subresource Integrity string. */
export function cachedContentPath(cacheDir: string, integrity: string): string {
  const [algorithm, base64] = integrity.split(/-(.*)/s) as [string, string];
  const hex = Buffer.from(base64, 'base64').toString('hex');
  return join(cacheDir, '_cacache', 'content-v2', algorithm, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
}

function newestFirst(a: string, b: string): number {
  return b.localeCompare(a, 'en', { numeric: true });
}

function packument(name: string, versions: Map<string, Version>, base: string): object {
  const tarballName = name.split('/').pop();
  const docs = Object.fromEntries([...versions].map(([version, { manifest, integrity }]) => [
    version,
    { ...manifest, dist: { integrity, tarball: `${base}/${name}/-/${tarballName}-${version}.tgz` } },
  ]));
  const latest = [...versions.keys()].sort(newestFirst)[0];
  return { name, 'dist-tags': { latest }, versions: docs };
}

function respond(byName: Map<string, Map<string, Version>>, cacheDir: string, base: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = decodeURIComponent(new URL(req.url ?? '/', base).pathname).slice(1);
    const tarball = /^(.+)\/-\/[^/]+-([^/]+)\.tgz$/.exec(path);
    const name = tarball ? tarball[1]! : path;
    const versions = byName.get(name);
    if (!tarball && versions) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(packument(name, versions, base)));
      return;
    }
    const integrity = tarball ? versions?.get(tarball[2]!)?.integrity : undefined;
    const file = integrity === undefined ? undefined : cachedContentPath(cacheDir, integrity);
    if (file === undefined || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `not in the lockfile or the cache: ${path}` }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    createReadStream(file).pipe(res);
  };
}

export async function startLocalRegistry(options: { lockfile: string; cacheDir: string }): Promise<LocalRegistry> {
  const byName = lockedVersions(options.lockfile);
  const requests: string[] = [];
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handler?.(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handler = respond(byName, options.cacheDir, url);
  return {
    url,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
