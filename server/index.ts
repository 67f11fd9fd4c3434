/**
 * Production server for `npm run serve` (after `npm run build`): the static
 * site from `build/`, the relay on `/api/relay` and the sandbox on `/sandbox`,
 * on PORT (default 3000) and HOST (default 127.0.0.1); BUILD_DIR overrides `build/`.
 * Which path goes where is decided by the site (`src/site/`); this file only
 * adds the build directory and the port.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RelayOptions } from '../src/relay/core/index';
import type { Sandbox } from '../src/sandbox/index';
import { createNodeSite } from '../src/site/node';
import { createStaticHandler } from './static';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..');

export interface ServerOptions {
  /** Directory of the static build (default: env BUILD_DIR, else `<project>/build`). */
  buildDir?: string;
  /** Sandbox to mount on /sandbox and give the relay; `null` mounts none; default a fresh `createSandbox`. */
  sandbox?: Sandbox | null;
  /** Extra relay options (tests inject an upstream, a clock, ...). */
  relay?: Partial<RelayOptions>;
  /** Environment variables (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Trust `x-client-ip` sent by a reverse proxy in front of this server (default: env TRUST_PROXY=1). */
  trustProxy?: boolean;
}

/** Build the node:http server (not yet listening): the site's Node listener with the build directory as its pages. */
export function createServer(options: ServerOptions = {}): Server {
  const env = options.env ?? process.env;
  const site = createNodeSite({
    env,
    sandbox: options.sandbox,
    relay: options.relay,
    trustProxy: options.trustProxy,
    static: createStaticHandler({ root: options.buildDir ?? env.BUILD_DIR ?? join(projectRoot, 'build') }),
  });
  return createHttpServer(site);
}

/** Start listening; resolves with the URL once the port is bound. */
export async function startServer(
  options: ServerOptions & { port?: number; host?: string } = {},
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const env = options.env ?? process.env;
  const port = options.port ?? Number(env.PORT ?? 3000);
  const host = options.host ?? env.HOST ?? '127.0.0.1';
  const server = createServer(options);
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
