/**
 * Docker is not available where the tests run, so the Dockerfile is checked
 * for what the server needs to work in a container: the build, a non-root
 * runtime, a public bind address, the files `server/index.ts` imports, and a
 * health check. Each rule below is a way the image would break silently.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

async function stages(): Promise<string[]> {
  const text = (await readFile(join(root, 'Dockerfile'), 'utf8')).replace(/\\\n/g, ' ');
  const lines = text.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
  const result: string[] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) result.push('');
    result[result.length - 1] += `${line}\n`;
  }
  return result;
}

describe('Dockerfile', () => {
  it('builds in one stage with npm ci and the package build script', async () => {
    const [build] = await stages();
    const scripts = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(build).toMatch(/^FROM node:20[\w.-]* AS build$/m);
    expect(build).toMatch(/npm ci\b/);
    expect(build).toMatch(/npm run build\b/);
    expect(scripts.build).toContain('docusaurus build');
    // The catalog is composed by postinstall from the sources, so they must be in before npm ci.
    expect(build.indexOf('COPY . .')).toBeLessThan(build.indexOf('npm ci'));
  });

  it('runs what `npm run serve` runs, as a non-root user, on all interfaces, with a health check', async () => {
    const [, run] = await stages();
    const scripts = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.serve).toBe('tsx server/index.ts');
    expect(run).toMatch(/^CMD \["node", "--import", "tsx", "server\/index\.ts"\]$/m);
    expect(run).toMatch(/^USER node$/m);
    // server/index.ts binds HOST, default 127.0.0.1: unreachable from outside a container.
    expect(run).toMatch(/HOST=0\.0\.0\.0/);
    expect(run).toMatch(/PORT=3000/);
    expect(run).toMatch(/^EXPOSE 3000$/m);
    expect(run).toMatch(/^HEALTHCHECK .*CMD /m);
    for (const path of ['node_modules', 'server', 'src', 'build', 'package.json']) expect(run).toContain(`/app/${path}`);
  });

  it('keeps host leftovers out of the build context', async () => {
    const ignored = (await readFile(join(root, '.dockerignore'), 'utf8')).split('\n').map((line) => line.trim());
    for (const entry of ['node_modules', 'build', '.docusaurus', '.git', '.env']) expect(ignored).toContain(entry);
  });
});
