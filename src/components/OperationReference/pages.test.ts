/** The reference pages list every catalog operation under a heading whose anchor is its id. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { operationIds, operationsByFamily } from '../../catalog';
import { referencePageMdx } from './referencePage';

const page = (slug: string) =>
  readFileSync(fileURLToPath(new URL(`../../../docs/reference/${slug}.mdx`, import.meta.url)), 'utf8');

describe('reference pages', () => {
  it.each(operationsByFamily().map((f) => [f.page, f] as const))('%s.mdx has one section per operation, in order', (slug, family) => {
    const text = page(slug);
    const headings = [...text.matchAll(/^## (.+) \{#([a-z-]+)\}\n\n<OperationReference id="([a-z-]+)" \/>$/gm)];
    expect(headings.map((m) => [m[1], m[2], m[3]])).toEqual(family.operations.map((op) => [op.summary, op.id, op.id]));
    expect(text).toContain(`title: "${family.title}"`);
    expect(text).toContain(family.intro);
  });

  it.each(operationsByFamily().map((f) => [f.page, f] as const))('%s.mdx on disk is what the catalog generates (run `npm run catalog`)', (slug, family) => {
    expect(page(slug)).toBe(referencePageMdx(family, family.operations));
  });

  it('keeps a summary with MDX-special characters from breaking its heading', () => {
    const family = { ...operationsByFamily()[0], intro: 'Intro.' };
    expect(referencePageMdx(family, [{ id: 'x-op', summary: 'Get {things} <now>' }])).toContain('## Get things now {#x-op}');
  });

  it('covers every catalog operation across the family pages', () => {
    const ids = operationsByFamily().flatMap((f) => [...page(f.page).matchAll(/<OperationReference id="([a-z-]+)"/g)].map((m) => m[1]));
    expect(ids.sort()).toEqual([...operationIds].sort());
  });

  it('the overview links the downloads and renders the hosts from the catalog', () => {
    const text = page('index');
    expect(text).toContain('pathname:///openapi.json');
    expect(text).toContain('pathname:///openapi.yaml');
    expect(text).toContain('<ServersTable />');
    expect(text).toContain('<OperationIndex />');
  });
});
