/**
 * Production server for `npm run serve` (after `npm run build`): the static
 * site from `build/`, the relay on `/api/relay` and the sandbox on `/sandbox`,
 * on PORT (default 3000) and HOST (default 127.0.0.1); BUILD_DIR overrides `build/`.
 * Which path goes where is decided by the site (`src/site/`); this file only
 * adds the build directory, the port, and the connection-level limits
 * (`server/limits.ts`: deadlines, a connection cap, graceful shutdown).
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RelayOptions } from '../src/relay/core/index';
import type { Sandbox } from '../src/sandbox/index';
import { describeStore } from '../src/sandbox/store/index';
import { createNodeSite } from '../src/site/node';
import { guardConnections, serverLimitsFromEnv, type ServerLimits } from './limits';
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
  /** Deadlines, connection cap and shutdown grace on top of the env's (tests use short ones). */
  limits?: Partial<ServerLimits>;
}

/** A listening server and its graceful `close()`. */
export interface RunningServer {
  server: Server;
  url: string;
  /** Stop accepting, let in-flight requests finish within the shutdown grace, close the rest; resolves when all sockets are gone. */
  close(): Promise<void>;
}

/**
 * Build the node:http server (not yet listening): the site's Node listener with
 * the build directory as its pages, node's own request/headers/keep-alive
 * deadlines set explicitly, and the connection guard.
 */
export function createServer(options: ServerOptions = {}): { server: Server; shutdown: () => Promise<void> } {
  const env = options.env ?? process.env;
  const limits = { ...serverLimitsFromEnv(env), ...options.limits };
  const site = createNodeSite({
    env,
    sandbox: options.sandbox,
    relay: options.relay,
    trustProxy: options.trustProxy,
    static: createStaticHandler({ root: options.buildDir ?? env.BUILD_DIR ?? join(projectRoot, 'build') }),
  });
  const server = createHttpServer(
    {
      // node:http enforces these itself (408 and close); the defaults (300 s request, 60 s headers) let a trickle hold a socket for minutes.
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often node looks for expired requests; its default (30 s) would stretch every deadline above by up to that much.
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
  );
  // The guard sees each request before the site does, so a response the site ends at once is still tracked.
  const shutdown = guardConnections(server, limits);
  server.on('request', site);
  return { server, shutdown };
}

/** Start listening; resolves with the URL once the port is bound. */
export async function startServer(options: ServerOptions & { port?: number; host?: string } = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const port = options.port ?? Number(env.PORT ?? 3000);
  const host = options.host ?? env.HOST ?? '127.0.0.1';
  const { server, shutdown } = createServer(options);
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost === '0.0.0.0' ? 'localhost' : shownHost}:${address.port}`;
  return { server, url, close: shutdown };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  startServer()
    .then(({ url, close }) => {
      // Playwright's webServer waits for this URL; keep it one line.
      console.log(`Agora API docs listening on ${url}`);
      console.log(`Sandbox state: ${describeStore(process.env.SANDBOX_STORE)}`);
      let stopping = false;
      const stop = (signal: string) => {
        // A second signal while draining means "now": leave without waiting for the grace period.
        if (stopping) process.exit(1);
        stopping = true;
        console.log(`${signal}: finishing in-flight requests, then stopping.`);
        close().then(() => process.exit(0));
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    })
    .catch((error: Error) => {
      const hint = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? ' The port is in use; set PORT to another one.' : '';
      console.error(`Could not start the server: ${error.message}.${hint}`);
      process.exit(1);
    });
}
