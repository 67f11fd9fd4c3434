/**
 * The Vercel and Netlify deployments as they ship: Netlify's function file
 * (netlify/functions/site.ts) and netlify.toml, and the Vercel Build Output
 * that scripts/bundle-vercel.ts writes (its bundled function run behind a
 * node:http server, its routes). No network: sandbox calls only.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleVercel, FUNCTION_PATH, VERCEL_ROUTES, type VercelOutput } from '../../../scripts/bundle-vercel';
import netlifySite, { config as netlifyConfig } from '../../../netlify/functions/site';
import { config as adapterConfig } from '../../relay/adapters/netlify/index';
import { DEMO } from '../../sandbox/demo';
import { STORAGE } from '../../sandbox/testing';
import { RELAY_PATH, SANDBOX_BASE_PATH } from '../routes';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const DEMO_AUTH = `Basic ${btoa(`${DEMO.customerId}:${DEMO.customerSecret}`)}`;
const WHO = { cname: 'demo', uid: '527841' };

type Handler = (request: Request) => Promise<Response>;

/** acquire through the relay, start on /sandbox with the same resource, in a fresh visitor project: what both platforms must do. */
async function projectRoundTrip(handler: Handler, origin: string, ipHeader: string): Promise<void> {
  const created = await handler(new Request(`${origin}/sandbox/__sandbox/projects`, { method: 'POST', headers: { [ipHeader]: '198.51.100.5' } }));
  expect(created.status).toBe(201);
  const project = (await created.json()) as { appId: string; customerId: string; customerSecret: string };
  const auth = `Basic ${btoa(`${project.customerId}:${project.customerSecret}`)}`;
  const relayed = await handler(
    new Request(`${origin}${RELAY_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ipHeader]: '198.51.100.5' },
      body: JSON.stringify({ operationId: 'acquire', environment: 'sandbox', path: { appid: project.appId }, headers: { Authorization: auth }, body: { ...WHO, clientRequest: {} } }),
    }),
  );
  expect(relayed.status).toBe(200);
  const result = await relayed.json();
  expect(result.status).toBe(200);
  const started = await handler(
    new Request(`${origin}/sandbox/v1/apps/${project.appId}/cloud_recording/resourceid/${result.body.resourceId}/mode/mix/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({ ...WHO, clientRequest: { storageConfig: STORAGE } }),
    }),
  );
  expect(started.status).toBe(200);
  expect((await started.json()).sid).toMatch(/^[0-9a-f]{32}$/);
}

describe('Netlify', () => {
  it('routes the relay and the whole sandbox to the one function', () => {
    expect(netlifyConfig.path).toEqual([RELAY_PATH, SANDBOX_BASE_PATH, `${SANDBOX_BASE_PATH}/*`]);
    // The adapter states the same paths for anyone re-exporting it.
    expect(adapterConfig).toEqual(netlifyConfig);
  });

  it('builds the pages into build/ and bundles netlify/functions with esbuild', async () => {
    const toml = await readFile(join(root, 'netlify.toml'), 'utf8');
    expect(toml).toMatch(/^\s*command = "npm run build"$/m);
    expect(toml).toMatch(/^\s*publish = "build"$/m);
    expect(toml).toMatch(/^\s*directory = "netlify\/functions"$/m);
    expect(toml).toMatch(/^\s*node_bundler = "esbuild"$/m);
  });

  it('serves a relay call, the sandbox and a visitor project through the function file', async () => {
    const origin = 'https://docs.example.netlify.app';
    await projectRoundTrip(netlifySite, origin, 'x-nf-client-connection-ip');
    const direct = await netlifySite(new Request(`${origin}/sandbox/dev/v1/channel/${DEMO.appId}`, { headers: { authorization: DEMO_AUTH } }));
    expect(direct.status).toBe(200);
    const deleted = await netlifySite(new Request(`${origin}/sandbox/__sandbox/project`, { method: 'DELETE', headers: { authorization: DEMO_AUTH } }));
    // The shared demo project cannot be deleted, and DELETE reaches the sandbox to be told so.
    expect(deleted.status).toBe(403);
  });
});

describe('Vercel (Build Output API)', () => {
  let work: string;
  let output: VercelOutput;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'agora-vercel-'));
    const buildDir = join(work, 'build');
    await mkdir(buildDir);
    await writeFile(join(buildDir, 'index.html'), '<!doctype html><title>docs</title>');
    await writeFile(join(buildDir, '404.html'), '<!doctype html><title>not found</title>');
    // As docusaurus.config.ts's trailingSlash: false writes pages.
    await mkdir(join(buildDir, 'docs/video-calling'), { recursive: true });
    await writeFile(join(buildDir, 'docs/sandbox.html'), '<!doctype html><title>sandbox page</title>');
    await writeFile(join(buildDir, 'docs/video-calling/index.html'), '<!doctype html><title>video calling</title>');
    output = await bundleVercel({ outdir: join(work, 'output'), buildDir });
    const bundled = (await import(/* @vite-ignore */ pathToFileURL(output.functionFile).href)) as { default: (req: unknown, res: unknown) => void };
    server = createServer((req, res) => bundled.default(req, res));
    await new Promise<void>((resolve) => server.listen(3521, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('writes a Node 20 function, the pages and the routes', async () => {
    const functionDir = dirname(output.functionFile);
    expect(functionDir.endsWith(`functions${FUNCTION_PATH}.func`)).toBe(true);
    expect(JSON.parse(await readFile(join(functionDir, '.vc-config.json'), 'utf8'))).toMatchObject({ runtime: 'nodejs20.x', handler: 'index.mjs', launcherType: 'Nodejs' });
    expect(await readFile(join(output.outdir, 'static/index.html'), 'utf8')).toContain('<title>docs</title>');
    const config = JSON.parse(await readFile(join(output.outdir, 'config.json'), 'utf8'));
    expect(config.version).toBe(3);
    expect(config.routes).toEqual(VERCEL_ROUTES);
    // Pages answer at the URLs the site links to (/docs/sandbox, /docs/video-calling), not only at their file names.
    expect(config.overrides).toEqual({ 'docs/sandbox.html': { path: 'docs/sandbox' }, 'docs/video-calling/index.html': { path: 'docs/video-calling' } });
    // Which route a path takes before the files are looked at: the function for the API paths, none for pages.
    const beforeFiles = config.routes.slice(0, config.routes.findIndex((r: { handle?: string }) => r.handle === 'filesystem')) as Array<{ src: string; dest: string }>;
    const target = (path: string) => beforeFiles.find((r) => new RegExp(r.src).test(path))?.dest ?? null;
    for (const path of ['/api/relay', '/api/relay/', '/sandbox', '/sandbox/v1/apps/x/cloud_recording/acquire', '/sandbox/__sandbox/projects']) {
      expect(target(path), path).toBe(FUNCTION_PATH);
    }
    for (const path of ['/', '/docs/intro', '/sandboxes', '/api/relayx', '/openapi.json']) expect(target(path), path).toBeNull();
  });

  it('runs the bundled function: relay, sandbox, a visitor project; GET, POST, DELETE and OPTIONS reach it', async () => {
    // The function as Vercel calls it (node:http request and response), driven through real sockets.
    const viaHttp: Handler = (request) => {
      const url = new URL(request.url);
      return fetch(`${base}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, body: request.body, duplex: 'half' } as RequestInit);
    };
    await projectRoundTrip(viaHttp, base, 'x-real-ip');
    const list = await viaHttp(new Request(`${base}/sandbox/dev/v1/channel/${DEMO.appId}`, { headers: { authorization: DEMO_AUTH } }));
    expect(list.status).toBe(200);
    const deleted = await viaHttp(new Request(`${base}/sandbox/__sandbox/project`, { method: 'DELETE', headers: { authorization: DEMO_AUTH } }));
    expect(deleted.status).toBe(403);
    const preflight = await viaHttp(new Request(`${base}${RELAY_PATH}`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }));
    expect(preflight.status).toBe(403);
    const notOurs = await viaHttp(new Request(`${base}${FUNCTION_PATH}`));
    expect(notOurs.status).toBe(404);
  });
});
