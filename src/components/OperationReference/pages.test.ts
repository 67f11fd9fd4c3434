/** The reference pages list every catalog operation under a heading whose anchor is its id. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { operationIds, operationsByFamily } from '../../catalog';

const page = (slug: string) =>
  readFileSync(fileURLToPath(new URL(`../../../docs/reference/${slug}.mdx`, import.meta.url)), 'utf8');

describe('reference pages', () => {
  it.each(operationsByFamily().map((f) => [f.page, f] as const))('%s.mdx has one section per operation, in order', (slug, family) => {
    const text = page(slug);
    const headings = [...text.matchAll(/^## (.+) \{#([a-z-]+)\}\n\n<OperationReference id="([a-z-]+)" \/>$/gm)];
    expect(headings.map((m) => [m[1], m[2], m[3]])).toEqual(family.operations.map((op) => [op.summary, op.id, op.id]));
    expect(text).toMatch(new RegExp(`^title: ${family.title}$`, 'm'));
  });

  it('covers all 19 operations across the family pages', () => {
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
