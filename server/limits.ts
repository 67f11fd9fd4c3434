/**
 * Connection-level limits of the production server: node's own deadlines,
 * a connection cap that evicts idle sockets instead of refusing visitors, and
 * graceful shutdown. node:http (Node 20) already provides the deadlines
 * (`requestTimeout`, `headersTimeout`, `keepAliveTimeout`) and the closing
 * primitives (`closeIdleConnections`, `closeAllConnections`); what it lacks is
 * a cap that keeps serving under a flood (`maxConnections` drops the newcomer)
 * and "wait for in-flight requests, but not forever", which is what this adds.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ServerLimits {
  /** Whole request (headers and body) must arrive within this; node answers 408 and closes. */
  requestTimeoutMs: number;
  /** Headers must be complete this long after a connection opens (or a new request starts); a socket that sends nothing is closed. */
  headersTimeoutMs: number;
  /** An idle keep-alive socket is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often node checks the two deadlines above (their precision). */
  checkIntervalMs: number;
  /** Open sockets at most; past it the oldest idle one is closed for the newcomer (the newcomer is refused only if none is idle). */
  maxConnections: number;
  /** On shutdown, in-flight requests get this long to finish before their sockets are closed. */
  shutdownTimeoutMs: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 5_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
  maxConnections: 8_192,
  shutdownTimeoutMs: 10_000,
};

const ENV_NAMES: Record<keyof ServerLimits, string> = {
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
  headersTimeoutMs: 'HEADERS_TIMEOUT_MS',
  keepAliveTimeoutMs: 'KEEP_ALIVE_TIMEOUT_MS',
  checkIntervalMs: 'TIMEOUT_CHECK_INTERVAL_MS',
  maxConnections: 'MAX_CONNECTIONS',
  shutdownTimeoutMs: 'SHUTDOWN_TIMEOUT_MS',
};

/** The limits from env (names in ENV_NAMES); a value that is not a positive integer fails with the variable named. */
export function serverLimitsFromEnv(env: Record<string, string | undefined>): ServerLimits {
  const limits = { ...DEFAULT_SERVER_LIMITS };
  for (const key of Object.keys(ENV_NAMES) as (keyof ServerLimits)[]) {
    const raw = env[ENV_NAMES[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) {
      throw new Error(`${ENV_NAMES[key]}=${raw} is not a positive whole number; unset it for the default (${DEFAULT_SERVER_LIMITS[key]}).`);
    }
    limits[key] = value;
  }
  // node:http refuses a headers deadline longer than the request deadline; keep the request one.
  limits.headersTimeoutMs = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return limits;
}

/**
 * Track every socket (busy while a response is pending), apply the cap at
 * accept time, and return the graceful shutdown. Node's own `maxConnections`
 * is left unset on purpose: it closes the *new* socket at the cap, so a flood
 * of idle sockets would lock every visitor out until the headers deadline.
 */
export function guardConnections(server: Server, limits: Pick<ServerLimits, 'maxConnections' | 'shutdownTimeoutMs'>): () => Promise<void> {
  // Insertion order is age order, so the first idle entry is the oldest idle socket.
  const sockets = new Map<Socket, { pending: Set<ServerResponse> }>();
  let closing: Promise<void> | null = null;

  server.on('connection', (socket: Socket) => {
    if (sockets.size >= limits.maxConnections) {
      let victim: Socket | undefined;
      for (const [candidate, state] of sockets) {
        if (state.pending.size === 0) {
          victim = candidate;
          break;
        }
      }
      // Every socket is mid-request: the newcomer is the one to refuse.
      (victim ?? socket).destroy();
      if (!victim) return;
    }
    sockets.set(socket, { pending: new Set() });
    socket.once('close', () => sockets.delete(socket));
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const state = sockets.get(req.socket);
    if (!state) return;
    state.pending.add(res);
    // During shutdown every answer ends its connection, so the drain finishes.
    if (closing && !res.headersSent) res.setHeader('connection', 'close');
    res.once('close', () => {
      state.pending.delete(res);
      if (closing && state.pending.size === 0) req.socket.destroySoon?.();
    });
  });

  return function shutdown(): Promise<void> {
    if (closing) return closing;
    closing = new Promise<void>((resolve) => {
      const grace = setTimeout(() => server.closeAllConnections(), limits.shutdownTimeoutMs);
      grace.unref();
      // Stops accepting at once; resolves when the last socket has closed.
      server.close(() => {
        clearTimeout(grace);
        resolve();
      });
      for (const [socket, state] of sockets) {
        if (state.pending.size === 0) socket.destroy();
        else for (const res of state.pending) if (!res.headersSent) res.setHeader('connection', 'close');
      }
    });
    return closing;
  };
}
