/**
 * The store on a Redis server over TCP (node-redis): a local redis-server,
 * Upstash's or any managed Redis (`rediss://` for TLS). Loaded only when
 * SANDBOX_STORE names a Redis (store/index.ts), so other bundles never carry it.
 *
 * A Redis that is away must not hang the sandbox: the first call waits at
 * most for one connection attempt (~2 s), later calls fail at once while the
 * client reconnects in the background (no offline queue), each with an Error
 * that names the store (never its password) and says what to do.
 */
import { createClient, ErrorReply } from 'redis';
import { describeStoreUrl } from './index';
import { DEFAULT_PREFIX, ScriptedRedisStore, unavailableMessage, type SendCommand } from './scripts';
import { StoreUnavailableError, type KeyValueStore } from './types';

export interface RedisStoreOptions {
  /** Prefix for every key (default `agora-sandbox:`), so several stores can share one Redis. */
  prefix?: string;
  /** Longest wait for a connection, ms (default 2000). */
  connectTimeoutMs?: number;
  /** Longest wait for one command's reply, ms (default 5000). */
  commandTimeoutMs?: number;
}

/** Why a connection failed, in a few words (node-redis errors can be AggregateErrors with an empty message). */
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return reasonOf(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}

/** A KeyValueStore on the Redis at `url`; resolves once connected or after the first attempt failed. */
export async function createRedisStore(url: string, options: RedisStoreOptions = {}): Promise<KeyValueStore> {
  const where = `Redis at ${describeStoreUrl(url)}`;
  const connectTimeout = options.connectTimeoutMs ?? 2000;
  const client = createClient({
    url,
    // Commands sent while disconnected fail at once instead of waiting in memory for a Redis that may never return.
    disableOfflineQueue: true,
    commandOptions: { timeout: options.commandTimeoutMs ?? 5000 },
    socket: { connectTimeout, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  });

  let lastReason = 'no connection yet';
  let warned = false;
  // Without a listener, node-redis's 'error' event would end the process. One line per outage is enough.
  client.on('error', (error: unknown) => {
    lastReason = reasonOf(error);
    if (!warned) console.warn(unavailableMessage(where, lastReason));
    warned = true;
  });
  client.on('ready', () => {
    warned = false;
  });

  // Wait for the first attempt only: connected, refused, or timed out. node-redis keeps retrying after that.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, connectTimeout + 250);
    const settle = () => {
      clearTimeout(timer);
      client.off('ready', settle);
      client.off('error', settle);
      resolve();
    };
    client.once('ready', settle);
    client.once('error', settle);
    client.connect().catch((error: unknown) => {
      lastReason = reasonOf(error);
      settle();
    });
  });

  const send: SendCommand = async (args) => {
    if (!client.isReady) throw new StoreUnavailableError(unavailableMessage(where, lastReason));
    try {
      return await client.sendCommand([...args]);
    } catch (error) {
      // Redis answered (NOSCRIPT, WRONGTYPE...): the caller decides. Anything else is the connection.
      if (error instanceof ErrorReply) throw error;
      throw new StoreUnavailableError(unavailableMessage(where, reasonOf(error)));
    }
  };

  const close = async () => {
    if (client.isReady) await client.close();
    else if (client.isOpen) client.destroy();
  };

  return new ScriptedRedisStore(send, options.prefix ?? DEFAULT_PREFIX, close);
}
