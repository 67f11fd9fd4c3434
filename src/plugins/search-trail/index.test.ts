import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import searchTrailPlugin, { rewriteIndexFiles, validateOptions } from './index';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function outDirWith(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'search-trail-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

describe('search-trail plugin', () => {
  it('rewrites the trails in every index file of the build and touches no other file', async () => {
    const index = [{ documents: [{ i: 1, t: 'Cloud Recording', u: '/docs/reference/cloud-recording', b: ['API reference', 'API reference'] }], index: {} }];
    const other = [{ documents: [{ b: ['Keep', 'Me'] }] }];
    const dir = await outDirWith({ 'search-index.json': index, 'search-index-docs-reference.json': index, 'other.json': other });
    expect(await rewriteIndexFiles(dir)).toBe(2);
    for (const name of ['search-index.json', 'search-index-docs-reference.json']) {
      expect(JSON.parse(await readFile(join(dir, name), 'utf8'))[0].documents[0].b).toEqual(['API reference']);
    }
    expect(JSON.parse(await readFile(join(dir, 'other.json'), 'utf8'))).toEqual(other);
  });

  it('reports a build with no index (the wrapper then fails the build rather than ship a site whose search finds nothing)', async () => {
    expect(await rewriteIndexFiles(await outDirWith({ 'index.html': '<html></html>' }))).toBe(0);
  });

  it('validates options with the search plugin\'s own rules', () => {
    expect(searchTrailPlugin.validateOptions).toBe(validateOptions);
    expect(typeof validateOptions).toBe('function');
  });
});
