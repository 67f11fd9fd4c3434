// The downloadable Postman collection, run as a reader would run it (newman,
// Postman's own runner, with the Sandbox environment) against the site's real
// server with the sandbox mounted on /sandbox, in-process on a free port.
// Every request must run, every script assertion pass, and every answer be a
// documented status whose body matches the catalog's response schema.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import newman, { type RunSummary } from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/index';
import { compileSchema } from '../catalog/ajv';
import { getOperation, listOperations } from '../catalog';
import { createSandbox, type IssuedProject } from '../sandbox';
import { sitePostmanFiles } from './index';

let server: RunningServer;
let buildDir: string;
let summary: RunSummary;
/** Two runs on a project of the reader's own, reset in between (the reference's "run it again" advice). */
let ownRuns: RunSummary[] = [];
let ownReset: Response;

/** Run the collection with the Sandbox environment, `overrides` replacing its variables. */
function runCollection(overrides: Record<string, string> = {}): Promise<RunSummary> {
  const { collection, sandbox } = sitePostmanFiles();
  const envVar = Object.entries({ baseUrl: `${server.url}/sandbox`, ...overrides }).map(([key, value]) => ({ key, value }));
  return new Promise<RunSummary>((resolve, reject) => {
    newman.run({ collection, environment: sandbox, envVar, reporters: [], timeoutRequest: 10_000 }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'postman-build-'));
  server = await startServer({ port: 0, host: '127.0.0.1', buildDir, env: {}, sandbox: createSandbox({ basePath: '/sandbox' }) });
  const issued = (await (await fetch(`${server.url}/sandbox/__sandbox/projects`, { method: 'POST' })).json()) as IssuedProject;
  const own = { appId: issued.appId, customerId: issued.customerId, customerSecret: issued.customerSecret, token: issued.token };
  // The demo run and the first own-project run go side by side: they share nothing but the server.
  const [demoRun, firstOwn] = await Promise.all([runCollection(), runCollection(own)]);
  summary = demoRun;
  ownReset = await fetch(`${server.url}/sandbox/__sandbox/reset`, {
    method: 'POST',
    headers: { Authorization: `Basic ${btoa(`${issued.customerId}:${issued.customerSecret}`)}` },
  });
  ownRuns = [firstOwn, await runCollection(own)];
});

afterAll(async () => {
  await server?.close();
  rmSync(buildDir, { recursive: true, force: true });
});

describe('the Postman collection against the sandbox (newman)', () => {
  it('runs every request, in catalog order, with no failed assertion', () => {
    expect(summary.run.executions.map((execution) => execution.item.id)).toEqual(listOperations().map((op) => op.id));
    expect(summary.run.failures.map((failure) => `${failure.source?.name}: ${failure.error.message}`)).toEqual([]);
    for (const execution of summary.run.executions) {
      expect(execution.requestError, execution.item.id).toBeUndefined();
      expect(execution.assertions?.length, execution.item.id).toBeGreaterThan(0);
    }
  });

  it('gets documented 2xx answers whose bodies match the catalog schemas', () => {
    for (const execution of summary.run.executions) {
      const op = getOperation(execution.item.id);
      const code = execution.response?.code ?? 0;
      const documented = op.responses.find((response) => response.status === code);
      expect(code, op.id).toBeGreaterThanOrEqual(200);
      expect(code, op.id).toBeLessThan(300);
      expect(documented?.schema, `${op.id} ${code} is documented with a schema`).toBeDefined();
      const body: unknown = JSON.parse(Buffer.from(execution.response!.stream!).toString('utf8'));
      const check = compileSchema(documented!.schema!);
      expect(check(body), `${op.id}: ${JSON.stringify(check.errors)}`).toBe(true);
    }
  });

  it('chains ids and waits for the recording, so stop returns the file list', () => {
    const stop = summary.run.executions.find((execution) => execution.item.id === 'stop-recording')!;
    // Without the wait the sandbox (like Agora) answers 206 with code 435: nothing recorded yet.
    expect(stop.response?.code).toBe(200);
    const body = JSON.parse(Buffer.from(stop.response!.stream!).toString('utf8')) as { serverResponse?: { fileList?: unknown } };
    expect(body.serverResponse?.fileList).toBeTruthy();
    const removed = summary.run.executions.find((execution) => execution.item.id === 'delete-cloud-player')!;
    expect(removed.response?.code).toBe(200);
  });
});

describe('the Postman collection on a project of your own', () => {
  it('runs clean, and again after a reset of that project (the rule it deleted is back)', () => {
    expect(ownReset.status).toBe(200);
    for (const run of ownRuns) {
      expect(run.run.failures.map((failure) => `${failure.source?.name}: ${failure.error.message}`)).toEqual([]);
      expect(run.run.executions.map((execution) => execution.item.id)).toEqual(listOperations().map((op) => op.id));
    }
  });

  it('needs the reset: without it the second run finds the deleted ban rule gone', async () => {
    const issued = (await (await fetch(`${server.url}/sandbox/__sandbox/projects`, { method: 'POST' })).json()) as IssuedProject;
    const own = { appId: issued.appId, customerId: issued.customerId, customerSecret: issued.customerSecret, token: issued.token };
    await runCollection(own);
    const again = await runCollection(own);
    const failed = new Set(again.run.failures.map((failure) => (failure.source as { id?: string } | undefined)?.id));
    expect([...failed]).toContain('delete-ban-rule');
  });
});
