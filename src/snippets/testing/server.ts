/** Test helper: serve a Fetch handler on 127.0.0.1:<port> for snippets to call. */
import { createServer, type Server } from 'node:http';
import { toNodeListener, type FetchHandler } from '../../adapters/node/listener';

export async function serve(handler: FetchHandler, port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
