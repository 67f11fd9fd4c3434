/**
 * Test helpers: a sandbox with a hand-driven clock and a small `call` wrapper
 * that builds Fetch requests the way a client would.
 */
import { base64 } from '../request/apiRequest';
import { DEMO } from './demo';
import { createSandbox, type IssuedProject, type Sandbox } from './index';
import { testStore } from './store/testing';
import type { SandboxOptions } from './types';

export const APP = DEMO.appId;
export const BASIC = `Basic ${base64(`${DEMO.customerId}:${DEMO.customerSecret}`)}`;
export const BEARER = `Bearer ${DEMO.token}`;

export interface CallOptions {
  body?: unknown;
  /** Authorization header; `null` sends none. Default: demo Basic. */
  auth?: string | null;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  host?: string;
  signal?: AbortSignal;
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  headers: Headers;
}

/** A sandbox at a fixed instant that tests move with `advance(ms)`. */
export function testSandbox(options: SandboxOptions = {}) {
  let now = Date.UTC(2025, 0, 15, 9, 0, 0);
  // The `redis` Vitest project runs these same suites on Redis (src/sandbox/store/testing.ts).
  const sandbox = createSandbox({ now: () => now, store: testStore(), ...options });
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<Answer> => {
    const url = new URL(`https://${options.host ?? 'api.agora.io'}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    const headers = new Headers(options.headers);
    const auth = options.auth === undefined ? BASIC : options.auth;
    if (auth !== null) headers.set('Authorization', auth);
    if (options.body !== undefined && !headers.has('content-type')) headers.set('Content-Type', 'application/json');
    const response = await sandbox.handler(
      new Request(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
        signal: options.signal,
      }),
    );
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
  return {
    sandbox,
    call,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

/** A project of its own, as a visitor's browser gets one (`POST /__sandbox/projects`), with its Authorization headers. */
export async function issueProject(sandbox: Sandbox): Promise<IssuedProject & { basic: string; bearer: string }> {
  const response = await sandbox.handler(new Request('https://sandbox.test/__sandbox/projects', { method: 'POST' }));
  if (response.status !== 201) throw new Error(`Issuing a project answered ${response.status}: ${await response.text()}`);
  const issued = (await response.json()) as IssuedProject;
  return { ...issued, basic: `Basic ${base64(`${issued.customerId}:${issued.customerSecret}`)}`, bearer: `Bearer ${issued.token}` };
}

/** Paths of the catalog's operations for the demo App ID. */
export const paths = {
  createChannel: `/v1/projects/${APP}/rtc/channels`,
  getChannel: (name: string) => `/v1/projects/${APP}/channels/${encodeURIComponent(name)}`,
  acquire: `/v1/apps/${APP}/cloud_recording/acquire`,
  start: (rid: string, mode = 'mix') => `/v1/apps/${APP}/cloud_recording/resourceid/${rid}/mode/${mode}/start`,
  task: (rid: string, sid: string, mode: string, action: string) =>
    `/v1/apps/${APP}/cloud_recording/resourceid/${rid}/sid/${sid}/mode/${mode}/${action}`,
  channels: `/dev/v1/channel/${APP}`,
  users: (channel: string) => `/dev/v1/channel/user/${APP}/${encodeURIComponent(channel)}`,
  userStatus: (uid: string | number, channel: string) => `/dev/v1/channel/user/property/${APP}/${uid}/${encodeURIComponent(channel)}`,
  banRules: '/dev/v1/kicking-rule',
  players: (region = 'na') => `/${region}/v1/projects/${APP}/cloud-player/players`,
  listPlayers: `/v1/projects/${APP}/cloud-player/players`,
  player: (id: string, region = 'na') => `/${region}/v1/projects/${APP}/cloud-player/players/${id}`,
};

export const STORAGE = { vendor: 1, region: 0, bucket: 'demo-bucket', accessKey: 'demo-access-key', secretKey: 'demo-secret-key' };
