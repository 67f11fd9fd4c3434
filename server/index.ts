/**
 * Production server for `npm run serve` (after `npm run build`): the static
 * site from `build/`, the relay on `/api/relay` and the sandbox on `/sandbox`,
 * on PORT (default 3000) and HOST (default 127.0.0.1); BUILD_DIR overrides `build/`.
 */
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toNodeListener, type FetchHandler } from '../src/adapters/node/listener';
import { createNodeRelay } from '../src/relay/adapters/node/index';
import type { RelayOptions } from '../src/relay/core/index';
import { createStaticHandler } from './static';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..');

/** What the server needs from `src/sandbox` (kept structural so the server starts without it). */
export interface SandboxLike {
  handler: FetchHandler;
  reset(): void;
}

export interface ServerOptions {
  /** Directory of the static build (default: env BUILD_DIR, else `<project>/build`). */
  buildDir?: string;
  /** Sandbox to mount on /sandbox and give the relay; default `createSandbox({ basePath: '/sandbox' })` when it exists. */
  sandbox?: SandboxLike | null;
  /** Extra relay options (tests inject an upstream, a clock, ...). */
  relay?: Partial<RelayOptions>;
  /** Environment variables (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Trust `x-client-ip` sent by a reverse proxy in front of this server (default: env TRUST_PROXY=1). */
  trustProxy?: boolean;
}

/** Load `src/sandbox` if it has been written; the server works (without /sandbox) when it has not. */
export async function loadSandbox(): Promise<SandboxLike | null> {
  const file = join(projectRoot, 'src/sandbox/index.ts');
  if (!existsSync(file)) return null;
  try {
    const mod = (await import(pathToFileURL(file).href)) as {
      createSandbox?: (options: { basePath: string }) => SandboxLike;
    };
    return mod.createSandbox ? mod.createSandbox({ basePath: '/sandbox' }) : null;
  } catch (error) {
    console.warn(`Sandbox not mounted: src/sandbox failed to load (${(error as Error).message}).`);
    return null;
  }
}

/** Build the node:http server (not yet listening). */
export async function createServer(options: ServerOptions = {}): Promise<Server> {
  const env = options.env ?? process.env;
  const sandbox = options.sandbox === undefined ? await loadSandbox() : options.sandbox;
  const trustProxy = options.trustProxy ?? env.TRUST_PROXY === '1';
  const relay = createNodeRelay({
    env,
    sandbox: sandbox?.handler,
    sandboxBasePath: '/sandbox',
    ...options.relay,
  });
  const sandboxListener = sandbox ? toNodeListener(sandbox.handler) : null;
  const serveStatic = createStaticHandler({ root: options.buildDir ?? env.BUILD_DIR ?? join(projectRoot, 'build') });

  return createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    // A client must not choose its own rate-limit key; only a trusted proxy may set it.
    if (!trustProxy) delete req.headers['x-client-ip'];
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/api/relay' || pathname === '/api/relay/') return relay(req, res);
    if (pathname === '/sandbox' || pathname.startsWith('/sandbox/')) {
      if (sandboxListener) return sandboxListener(req, res);
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'sandbox_unavailable', message: 'The sandbox module is not installed in this build.' } }));
      return;
    }
    serveStatic(req, res).catch(() => res.destroy());
  });
}

/** Start listening; resolves with the URL once the port is bound. */
export async function startServer(
  options: ServerOptions & { port?: number; host?: string } = {},
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const env = options.env ?? process.env;
  const port = options.port ?? Number(env.PORT ?? 3000);
  const host = options.host ?? env.HOST ?? '127.0.0.1';
  const server = await createServer(options);
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost === '0.0.0.0' ? 'localhost' : shownHost}:${address.port}`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  startServer()
    .then(({ url, close }) => {
      // Playwright's webServer waits for this URL; keep it one line.
      console.log(`Agora API docs listening on ${url}`);
      const stop = () => close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: Error) => {
      const hint = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? ' The port is in use; set PORT to another one.' : '';
      console.error(`Could not start the server: ${error.message}.${hint}`);
      process.exit(1);
    });
}
