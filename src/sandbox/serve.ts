/**
 * Serve the sandbox over HTTP with node:http (the standalone sandbox, and the
 * real-port test). The handler stays runtime-neutral; toNodeListener adapts it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '../adapters/node/listener';
import { createSandbox } from './index';
import type { SandboxOptions } from './types';

export interface SandboxServer {
  server: Server;
  /** Base URL of the sandbox, e.g. `http://127.0.0.1:4010`. */
  url: string;
  close(): Promise<void>;
}

/** Start a sandbox on `host:port` (port 0 picks a free one). */
export function startSandboxServer(
  options: { port: number; host?: string; sandbox?: SandboxOptions } = { port: 0 },
): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  const sandbox = createSandbox(options.sandbox);
  const server = createServer(toNodeListener(sandbox.handler));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${shownHost}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            // The store (a Redis connection, say) and webhook timers go with the server that owns them.
            server.close(() => void sandbox.close().then(done, done));
          }),
      });
    });
  });
}
