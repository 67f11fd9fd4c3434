/**
 * Node adapter: the relay engine driven straight from node:http (no Fetch
 * Request/Response on the hot path) with undici as the live upstream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Abort } from '../../core/abort';
import { createRelayEngine, type RelayInput } from '../../core/relay';
import { createRelay, relayOptionsFromEnv, type RelayLogEntry, type RelayOptions } from '../../core/index';
import { readEnvelopeBody } from '../../core/limits';
import { mustClose, nodeBodySource } from '../../../adapters/node/listener';
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

/**
 * What the engine reads from a node:http request. A class, so the per-request
 * cost is one object: its methods are shared, not closures built (and, under
 * tsx, named) on every call.
 */
class NodeRelayInput implements RelayInput {
  readonly method: string;
  readonly headerBytes: number;
  /** Aborted when the client goes away; not an AbortController, which costs several µs each on Node 20 (core/abort.ts). */
  readonly signal = new Abort();

  constructor(private readonly req: IncomingMessage) {
    this.method = (req.method ?? 'GET').toUpperCase();
    let headerBytes = 0;
    for (let i = 0; i < req.rawHeaders.length; i++) headerBytes += req.rawHeaders[i].length + 2;
    this.headerBytes = headerBytes;
  }

  /** Built when asked for: the engine's checks do not read it, so most calls never pay for the string. */
  get url(): string {
    return `http://${this.req.headers.host ?? 'localhost'}${this.req.url ?? '/'}`;
  }

  header(name: string): string | null {
    const value = this.req.headers[name];
    if (value === undefined) return name === 'x-client-ip' ? (this.req.socket.remoteAddress ?? null) : null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  /** Streamed through the shared bounded reader: past `max` or the deadline it stops reading (no drain). */
  readBody(max: number): Promise<string> {
    return readEnvelopeBody(nodeBodySource(this.req), this.req.headers['content-length'], max);
  }
}

/** A node:http listener for POST /api/relay. */
export function createNodeRelay(options: NodeRelayOptions = {}) {
  const resolved = nodeDefaults(options);
  const engine = createRelayEngine({ ...resolved, getOperation: resolved.getOperation ?? getOperation });
  return (req: IncomingMessage, res: ServerResponse): void => {
    const input = new NodeRelayInput(req);
    // 'close' fires once per response: `on` spares the wrapper `once` builds per call.
    res.on('close', () => {
      if (!res.writableFinished) input.signal.abort();
    });
    engine(input)
      .then((output) => {
        // A known length lets Node send head and body in one write instead of chunked framing.
        const body = output.body ?? '';
        const headers: Record<string, string | number> = { ...output.headers, 'content-length': Buffer.byteLength(body) };
        // Answering before the body arrived (413, 408, an early refusal): close rather than let node:http drain it.
        if (mustClose(req)) headers.connection = 'close';
        res.writeHead(output.status, headers);
        res.end(body);
      })
      .catch(() => res.destroy());
  };
}
