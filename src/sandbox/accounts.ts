/**
 * Sandbox projects and who may use them. Every visitor gets a project of their
 * own (an App ID, a customer ID and secret, and a bearer token for the guide's
 * get-channel), issued by `POST /__sandbox/projects`; the documented demo
 * credentials keep opening the shared demo project the docs' examples use.
 *
 * Only hashes of the secret and the token are stored. The token starts with
 * its customer ID (`<customerId>.<random>`), so a bearer call finds its
 * project with one read, like a Basic call does.
 */
import type { SecurityKind } from '../catalog/types';
import { DEMO } from './demo';
import { hexId, toHex } from './ids';
import { TTL } from './project';
import type { KeyValueStore } from './store/types';

/** Who a request's Authorization header says it is. */
export type Caller =
  | { verdict: 'ok'; appId: string; customerId: string; demo: boolean; ncsSecret: string }
  /** Agora's gateway tells no header (`missing`) from one it cannot accept (`invalid`). */
  | { verdict: 'missing' | 'invalid' };

/** A project as issued: the only time its secret and token are ever shown. */
export interface IssuedProject {
  appId: string;
  customerId: string;
  customerSecret: string;
  token: string;
  /** The key of the project's notification signatures (Agora Console shows it beside the webhook URL). */
  ncsSecret: string;
  /** Epoch ms. */
  createdAt: number;
  /** When the project is forgotten if unused, epoch ms (each use moves it on). */
  expiresAt: number;
}

/** What the store keeps of a project's credentials. */
interface AccountRecord {
  appId: string;
  secretHash: string;
  tokenHash: string;
  /**
   * Kept as issued, not hashed: the sandbox signs with it. It opens nothing (it only proves a
   * notice came from this sandbox), and GET /__sandbox/project shows it to the credentials' holder.
   */
  ncsSecret?: string;
  createdAt: number;
  /** Last time the record's lifetime was renewed (ms); renewed at most daily, to keep reads read-only. */
  renewedAt: number;
}

const accountKey = (customerId: string) => `acct:${customerId}`;
const RENEW_AFTER_MS = 24 * 60 * 60_000;

/** Node's own hashing, where the runtime has it (Node; not workerd without its Node compatibility flag). */
export type NodeCrypto = { createHash(algorithm: 'sha256'): { update(text: string): { digest(encoding: 'hex'): string } } };
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/**
 * Hex SHA-256 of a text, with Node's hashing when given it, else Web Crypto's. Every sandbox call hashes its
 * credentials once: Web Crypto's digest is a job Node runs off the main thread, and in a profile of sandbox calls
 * it cost about 0.45 ms of each one's main-thread time (its promise and job set-up), against microseconds for
 * Node's synchronous hash.
 */
export function sha256With(node: NodeCrypto | undefined): (text: string) => Promise<string> {
  if (node) return async (text) => node.createHash('sha256').update(text).digest('hex');
  return async (text) => toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

const sha256 = sha256With(nodeCrypto);

/** Equal strings, compared without stopping at the first difference. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

function decodeBasic(encoded: string): string | null {
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A customer ID the sandbox could have issued: 32 lowercase hex characters. */
const ISSUED_ID = /^[0-9a-f]{32}$/;

export class Accounts {
  constructor(private readonly store: KeyValueStore) {}

  /** A new project with fresh credentials. */
  async issue(now: number): Promise<IssuedProject> {
    const customerId = hexId();
    const issued: IssuedProject = {
      appId: hexId(),
      customerId,
      customerSecret: hexId(),
      token: `${customerId}.${hexId()}`,
      ncsSecret: hexId(),
      createdAt: now,
      expiresAt: now + TTL.account,
    };
    const record: AccountRecord = {
      appId: issued.appId,
      secretHash: await sha256(issued.customerSecret),
      tokenHash: await sha256(issued.token),
      ncsSecret: issued.ncsSecret,
      createdAt: now,
      renewedAt: now,
    };
    await this.store.swap(accountKey(customerId), null, JSON.stringify(record), TTL.account);
    return issued;
  }

  /** Judge an Authorization header against the credentials the operation accepts (`basic`, `bearer`, `agora-token`). */
  async resolve(header: string | null, accepted: readonly SecurityKind[], now: number): Promise<Caller> {
    // A header sent empty carries no credentials, the same as none.
    if (header === null || header.trim() === '') return { verdict: 'missing' };
    const match = /^(\w+)\s+(.+)$/.exec(header.trim());
    if (!match) return { verdict: 'invalid' };
    const scheme = match[1].toLowerCase();
    const value = match[2].trim();
    if (scheme === 'basic' && accepted.includes('basic')) {
      const pair = decodeBasic(value);
      const colon = pair?.indexOf(':') ?? -1;
      if (!pair || colon < 0) return { verdict: 'invalid' };
      return this.check(pair.slice(0, colon), 'secret', pair.slice(colon + 1), now);
    }
    if (scheme === 'bearer' && accepted.includes('bearer')) return this.checkToken(value, now);
    // Conversational AI's `agora token=<token>`: the same token a Bearer call carries, after `token=`.
    if (scheme === 'agora' && accepted.includes('agora-token')) {
      const token = /^token=(\S+)$/.exec(value)?.[1];
      return token ? this.checkToken(token, now) : { verdict: 'invalid' };
    }
    return { verdict: 'invalid' };
  }

  /** A project token (`<customerId>.<random>`) or the demo token. */
  private checkToken(token: string, now: number): Promise<Caller> {
    if (token === DEMO.token) return Promise.resolve(demoCaller());
    return this.check(token.split('.', 1)[0], 'token', token, now);
  }

  /** When the project of `customerId` is forgotten if unused (null: no such project). */
  async describe(customerId: string): Promise<{ appId: string; createdAt: number; expiresAt: number; ncsSecret: string } | null> {
    const record = await this.read(customerId);
    return record && { appId: record.appId, createdAt: record.createdAt, expiresAt: record.renewedAt + TTL.account, ncsSecret: await ncsSecretOf(record) };
  }

  /** Forget a project's credentials (its state is the repository's to drop). */
  async remove(customerId: string): Promise<void> {
    await this.store.delete([accountKey(customerId)]);
  }

  private async check(customerId: string, what: 'secret' | 'token', given: string, now: number): Promise<Caller> {
    if (what === 'secret' && customerId === DEMO.customerId) {
      return given === DEMO.customerSecret ? demoCaller() : { verdict: 'invalid' };
    }
    if (!ISSUED_ID.test(customerId)) return { verdict: 'invalid' };
    const text = await this.store.get(accountKey(customerId));
    const record = text ? (JSON.parse(text) as AccountRecord) : null;
    if (!record) return { verdict: 'invalid' };
    const hash = await sha256(given);
    if (!sameText(hash, what === 'secret' ? record.secretHash : record.tokenHash)) return { verdict: 'invalid' };
    if (now - record.renewedAt > RENEW_AFTER_MS) {
      // A lost race only means another request renewed it first.
      await this.store.swap(accountKey(customerId), text, JSON.stringify({ ...record, renewedAt: now }), TTL.account);
    }
    return { verdict: 'ok', appId: record.appId, customerId, demo: false, ncsSecret: await ncsSecretOf(record) };
  }

  private async read(customerId: string): Promise<AccountRecord | null> {
    if (!ISSUED_ID.test(customerId)) return null;
    const text = await this.store.get(accountKey(customerId));
    return text ? (JSON.parse(text) as AccountRecord) : null;
  }
}

function demoCaller(): Caller {
  return { verdict: 'ok', appId: DEMO.appId, customerId: DEMO.customerId, demo: true, ncsSecret: DEMO.ncsSecret };
}

/** A project issued before notifications has no stored secret; one derived from its record stays the same on every read. */
async function ncsSecretOf(record: AccountRecord): Promise<string> {
  return record.ncsSecret ?? (await sha256(`ncs:${record.secretHash}`)).slice(0, 32);
}
