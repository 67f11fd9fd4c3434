/** Test helper: serve a Fetch handler on 127.0.0.1:<port> for snippets to call (port 0: any free port). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener, type FetchHandler } from '../../adapters/node/listener';

export async function serve(handler: FetchHandler, port: number): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const server: Server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
