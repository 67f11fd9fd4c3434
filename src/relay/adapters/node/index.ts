/**
 * Node adapter: the relay engine driven straight from node:http (no Fetch
 * Request/Response on the hot path) with undici as the live upstream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRelayEngine, type RelayInput } from '../../core/relay';
import { createRelay, relayOptionsFromEnv, type RelayLogEntry, type RelayOptions } from '../../core/index';
import { bodyTooLarge } from '../../core/limits';
import { getOperation } from '../../../catalog/index';
import { createUndiciUpstream } from './upstream';

export { createUndiciUpstream } from './upstream';

type NodeRelayOptions = RelayOptions & { env?: Record<string, string | undefined> };

/** One JSON line per call on stdout; the entries never hold headers or bodies. */
export const consoleLogger = { log: (entry: RelayLogEntry) => console.log(JSON.stringify({ relay: entry })) };

function nodeDefaults(options: NodeRelayOptions): RelayOptions {
  const { env = process.env, ...rest } = options;
  return { fetch: createUndiciUpstream(), logger: consoleLogger, ...relayOptionsFromEnv(env), ...rest };
}

/** The relay as a Fetch handler configured for Node (undici upstream, env settings, console log). */
export function createNodeRelayHandler(options: NodeRelayOptions = {}) {
  return createRelay(nodeDefaults(options));
}

/** Read a Node request body up to `max` bytes (Content-Length first, then while reading). */
function readNodeBody(req: IncomingMessage, max: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return Promise.reject(bodyTooLarge(max));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > max) {
        req.removeAllListeners('data');
        req.resume();
        reject(bodyTooLarge(max));
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks, total).toString('utf8')));
    req.once('error', reject);
  });
}

/** A node:http listener for POST /api/relay. */
export function createNodeRelay(options: NodeRelayOptions = {}) {
  const resolved = nodeDefaults(options);
  const engine = createRelayEngine({ ...resolved, getOperation: resolved.getOperation ?? getOperation });
  return (req: IncomingMessage, res: ServerResponse): void => {
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    let headerBytes = 0;
    for (let i = 0; i < req.rawHeaders.length; i++) headerBytes += req.rawHeaders[i].length + 2;
    const input: RelayInput = {
      method: (req.method ?? 'GET').toUpperCase(),
      url: `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`,
      header: (name) => {
        const value = req.headers[name];
        if (value === undefined) return name === 'x-client-ip' ? (req.socket.remoteAddress ?? null) : null;
        return Array.isArray(value) ? value.join(', ') : value;
      },
      headerBytes,
      readBody: (max) => readNodeBody(req, max),
      signal: controller.signal,
    };
    engine(input)
      .then((output) => {
        // A known length lets Node send head and body in one write instead of chunked framing.
        const body = output.body ?? '';
        res.writeHead(output.status, { ...output.headers, 'content-length': Buffer.byteLength(body) });
        res.end(body);
      })
      .catch(() => res.destroy());
  };
}
