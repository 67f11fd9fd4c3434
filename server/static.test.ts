/** The static server's per-page CSP: each HTML page allows exactly its own inline scripts, by hash. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaticHandler } from './static';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

let root: string;
let server: Server;
let base: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'static-csp-'));
  writeFileSync(join(root, 'index.html'), '<html><script>window.a=1</script><script src="/x.js"></script></html>');
  writeFileSync(join(root, 'x.js'), 'window.b=2');
  server = createServer(createStaticHandler({ root }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('static pages', () => {
  it("carry a CSP with the page's inline script hashes; other files carry none", async () => {
    const page = await fetch(`${base}/`);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/^default-src 'self'; script-src 'self' /);
    expect(policy).toContain(sha('window.a=1'));
    expect(policy).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    // A worker script gets its CSP from its own response, so scripts must not carry a page policy.
    expect((await fetch(`${base}/x.js`)).headers.get('content-security-policy')).toBeNull();
  });

  it('follow a rebuilt page instead of serving a stale hash', async () => {
    writeFileSync(join(root, 'index.html'), '<html><script>window.a=22</script></html>');
    utimesSync(join(root, 'index.html'), new Date(), new Date(Date.now() + 5000));
    const policy = (await fetch(`${base}/`)).headers.get('content-security-policy') ?? '';
    expect(policy).toContain(sha('window.a=22'));
    expect(policy).not.toContain(sha('window.a=1'));
  });
});
