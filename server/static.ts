/**
 * Serve the static Docusaurus `build/` directory from node:http: content
 * types, Docusaurus's trailing-slash-less routes, the 404 page, long cache for
 * hashed assets, ETag revalidation and optional gzip. Paths are resolved inside
 * the root only, so `..`, encoded dots and NUL bytes cannot escape it.
 */
import { createReadStream, promises as fs, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { contentSecurityPolicyFor } from '../src/site/security';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** Types worth compressing (images and fonts are already compressed). */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|yaml|manifest\+json)|image\/svg\+xml)/;

/** Webpack's content-hashed file names, e.g. `main.3f2a9c1b.js`, `1234.abcdef12.css`. */
const HASHED = /[.-][0-9a-f]{8,}\.(js|css|mjs|woff2?|svg|png|jpe?g|gif|webp|avif|ttf|wasm)$/i;

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function cacheControlOf(urlPath: string, file: string): string {
  if (file.endsWith('.html')) return 'no-cache';
  if (urlPath.startsWith('/assets/') && HASHED.test(file)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/**
 * Map a URL pathname to a file candidate list inside `root`, or null when the
 * path is unusable (bad encoding, NUL byte, escapes the root).
 */
export function candidatesFor(root: string, pathname: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const absRoot = resolve(root);
  // resolve() collapses `..`; anything that lands outside the root is refused.
  const target = resolve(absRoot, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (target !== absRoot && !target.startsWith(absRoot + sep)) return null;
  if (decoded.endsWith('/')) return [join(target, 'index.html')];
  return [target, join(target, 'index.html'), `${target}.html`];
}

async function statFile(file: string): Promise<Stats | null> {
  try {
    const stats = await fs.stat(file);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

/**
 * Each page's CSP allows exactly its own inline scripts by hash, computed from
 * the built file at serve time (so a rebuild never needs a hash list updated by
 * hand) and cached per file version.
 */
function createPolicyCache() {
  const cache = new Map<string, { version: string; policy: Promise<string> }>();
  return (file: string, stats: Stats): Promise<string> => {
    const version = `${stats.size}-${stats.mtimeMs}`;
    const hit = cache.get(file);
    if (hit?.version === version) return hit.policy;
    const policy = fs.readFile(file, 'utf8').then(contentSecurityPolicyFor);
    // A failed read must not stick: the next request tries again.
    policy.catch(() => cache.delete(file));
    cache.set(file, { version, policy });
    return policy;
  };
}

export interface StaticOptions {
  root: string;
  /** Compress text responses when the client accepts gzip (default true). */
  gzip?: boolean;
}

/** A node:http listener for the build directory; answers 404 with `404.html`. */
export function createStaticHandler(options: StaticOptions) {
  const root = resolve(options.root);
  const gzip = options.gzip ?? true;
  const policyOf = createPolicyCache();

  async function send(req: IncomingMessage, res: ServerResponse, file: string, stats: Stats, status: number, urlPath: string) {
    const type = contentTypeOf(file);
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': status === 200 ? cacheControlOf(urlPath, file) : 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'Accept-Encoding',
    };
    if (file.endsWith('.html')) headers['content-security-policy'] = await policyOf(file, stats);
    if (status === 200) {
      headers.etag = etag;
      headers['last-modified'] = stats.mtime.toUTCString();
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const compress = gzip && stats.size > 1024 && COMPRESSIBLE.test(type) && /\bgzip\b/.test(accepts);
    if (compress) headers['content-encoding'] = 'gzip';
    else headers['content-length'] = String(stats.size);
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    try {
      if (compress) await pipeline(stream, createGzip({ level: 6 }), res);
      else await pipeline(stream, res);
    } catch {
      res.destroy();
    }
  }

  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed: the site only serves GET and HEAD.\n');
      return;
    }
    const pathname = (req.url ?? '/').split('?')[0].split('#')[0] || '/';
    const candidates = candidatesFor(root, pathname);
    if (candidates) {
      for (const file of candidates) {
        const stats = await statFile(file);
        if (stats) return send(req, res, file, stats, 200, pathname);
      }
    }
    const notFound = join(root, '404.html');
    const stats = await statFile(notFound);
    if (stats) return send(req, res, notFound, stats, 404, pathname);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found. Run `npm run build` first if the site has not been built.\n');
  };
}
