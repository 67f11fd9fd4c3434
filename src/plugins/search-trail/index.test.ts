import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import searchTrailPlugin, { navbarLabels, rewriteIndexFiles, validateOptions } from './index';

const NAVBAR = new Set(['API reference']);

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
    expect(await rewriteIndexFiles(dir, NAVBAR)).toBe(2);
    for (const name of ['search-index.json', 'search-index-docs-reference.json']) {
      expect(JSON.parse(await readFile(join(dir, name), 'utf8'))[0].documents[0].b).toEqual(['API reference']);
    }
    expect(JSON.parse(await readFile(join(dir, 'other.json'), 'utf8'))).toEqual(other);
  });

  it('reports a build with no index (the wrapper then fails the build rather than ship a site whose search finds nothing)', async () => {
    expect(await rewriteIndexFiles(await outDirWith({ 'index.html': '<html></html>' }), NAVBAR)).toBe(0);
  });

  it('reads every navbar label from the theme config, dropdown entries included', () => {
    const themeConfig = { navbar: { items: [{ label: 'Guide ' }, { type: 'search' }, { label: 'OpenAPI', items: [{ label: 'openapi.json' }] }] } };
    expect(navbarLabels(themeConfig)).toEqual(new Set(['Guide', 'OpenAPI', 'openapi.json']));
    expect(navbarLabels(undefined)).toEqual(new Set());
  });

  it('validates options with the search plugin\'s own rules', () => {
    expect(searchTrailPlugin.validateOptions).toBe(validateOptions);
    expect(typeof validateOptions).toBe('function');
  });
});
