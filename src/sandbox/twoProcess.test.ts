/**
 * Two sandbox processes over one Redis behave as one sandbox: a recording
 * acquired through one starts through the other and is seen by the first,
 * while another visitor's project sees none of it. Real processes (the
 * standalone CLI, `npm run sandbox`) with SANDBOX_STORE, talking HTTP.
 * Runs in the `redis` Vitest project, which provides the redis-server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64 } from '../request/apiRequest';
import { testRedisStore, testRedisUrl, uniquePrefix } from './store/testing';
import { STORAGE } from './testing';

const ROOT = join(import.meta.dirname, '..', '..');
const STARTUP_MS = 30_000;

interface Running {
  child: ChildProcess;
  url: string;
}

/** Start `tsx src/sandbox/cli.ts --port 0` on the shared Redis; resolves with the URL it prints. */
async function startSandboxProcess(prefix: string): Promise<Running> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/sandbox/cli.ts', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, SANDBOX_STORE: testRedisUrl(), SANDBOX_STORE_PREFIX: prefix },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the teardown ends tsx and the node process it runs together.
    detached: true,
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The sandbox did not start within ${STARTUP_MS / 1000} s:\n${output}`)), STARTUP_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The sandbox exited (code ${code}) before it listened:\n${output}`));
    });
  });
  return { child, url };
}

async function stop({ child }: Running): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

interface Project {
  appId: string;
  auth: string;
}

/** A new visitor project from `base` (POST /__sandbox/projects). */
async function newProject(base: string): Promise<Project> {
  const response = await fetch(`${base}/__sandbox/projects`, { method: 'POST' });
  expect(response.status).toBe(201);
  const issued = (await response.json()) as { appId: string; customerId: string; customerSecret: string };
  return { appId: issued.appId, auth: `Basic ${base64(`${issued.customerId}:${issued.customerSecret}`)}` };
}

async function call(base: string, project: Project, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}/v1/apps/${project.appId}/cloud_recording${path}`, {
    method,
    headers: { Authorization: project.auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('two sandbox processes on one Redis', () => {
  const prefix = uniquePrefix('two-process');
  let a: Running;
  let b: Running;

  beforeAll(async () => {
    // Registered for the file's clean-up: the processes' keys go when the file ends.
    testRedisStore(prefix);
    [a, b] = await Promise.all([startSandboxProcess(prefix), startSandboxProcess(prefix)]);
  });

  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map(stop));
  });

  it('acquires on one, starts on the other, queries on the first; another project sees nothing', async () => {
    expect(a.url).not.toBe(b.url);
    const who = { cname: 'two-process-room', uid: '527841' };
    const mine = await newProject(a.url);

    const acquired = await call(a.url, mine, 'POST', '/acquire', { ...who, clientRequest: { scene: 0 } });
    expect(acquired.status).toBe(200);
    const rid = acquired.body.resourceId as string;

    const started = await call(b.url, mine, 'POST', `/resourceid/${rid}/mode/mix/start`, { ...who, clientRequest: { storageConfig: STORAGE } });
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ ...who, resourceId: rid, sid: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const sid = started.body.sid as string;

    const queried = await call(a.url, mine, 'GET', `/resourceid/${rid}/sid/${sid}/mode/mix/query`);
    expect(queried.status).toBe(200);
    expect(queried.body).toMatchObject({ resourceId: rid, sid });

    // A second visitor, through process B: the recording is not theirs to see, nor its recorder in their channel.
    const theirs = await newProject(b.url);
    expect(theirs.appId).not.toBe(mine.appId);
    const foreign = await call(b.url, theirs, 'GET', `/resourceid/${rid}/sid/${sid}/mode/mix/query`);
    expect(foreign.status).toBe(404);
    const users = async (project: Project) => {
      const response = await fetch(`${b.url}/dev/v1/channel/user/${project.appId}/${who.cname}`, { headers: { Authorization: project.auth } });
      return (await response.json()) as { data: { audience?: number[] } };
    };
    expect((await users(mine)).data.audience).toContain(527841);
    expect((await users(theirs)).data.audience ?? []).not.toContain(527841);
  });
});
