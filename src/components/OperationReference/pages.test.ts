/**
 * The reference pages: a folder per family with an overview listing its
 * operations, and a page per operation at the operation's `referencePath`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogDocument, listOperations, operationIds, operationsByFamily } from '../../catalog';
import { referencePages } from '../../catalog/model';
import { familyOverviewMdx, familyReferenceFiles, GENERATED_MARKER, operationPageMdx } from './referencePage';

const docsFile = (file: string) => fileURLToPath(new URL(`../../../docs/${file}`, import.meta.url));
const read = (file: string) => readFileSync(docsFile(file), 'utf8');
const families = operationsByFamily();

describe('reference pages', () => {
  it.each(families.map((f) => [f.page, f] as const))('%s: every page on disk is what the catalog generates (run `npm run catalog`)', (_, family) => {
    const files = familyReferenceFiles(family, family.operations);
    expect(Object.keys(files)).toEqual([`reference/${family.page}/index.mdx`, ...family.operations.map((op) => `reference/${family.page}/${op.id}.mdx`)]);
    for (const [file, text] of Object.entries(files)) expect(read(file), file).toBe(text);
  });

  it.each(families.map((f) => [f.page, f] as const))('%s: the overview has the intro and links every operation in order, keeping its old anchor', (_, family) => {
    const text = familyOverviewMdx(family, family.operations);
    expect(text).toContain(`title: "${family.title}"`);
    expect(text).toContain(family.intro);
    const rows = [...text.matchAll(/^\| <span id="([a-z0-9-]+)"><\/span>\[(.+?)\]\((\/docs\/[^)]+)\) \| `([A-Z]+)` \| `(.+)` \|$/gm)];
    expect(rows.map((m) => [m[1], m[2], m[3], m[4], m[5]])).toEqual(family.operations.map((op) => [op.id, op.summary, op.referencePath, op.method, op.path]));
    // The old sections' anchors lead on to the operations' pages.
    const moved = /<MovedSections pages=\{(.+)\} \/>/.exec(text);
    expect(JSON.parse(moved![1])).toEqual(Object.fromEntries(family.operations.map((op) => [op.id, op.referencePath])));
  });

  it('an operation page is titled by its summary and renders that operation', () => {
    const op = listOperations().find((candidate) => candidate.id === 'start-recording')!;
    const family = families.find((f) => f.family === op.family)!;
    const text = operationPageMdx(family, op);
    expect(text).toContain('title: "Start recording"');
    expect(text).toMatch(/^<OperationReference id="start-recording" \/>$/m);
    expect(text.match(/<OperationReference /g)).toHaveLength(1);
    expect(op.referencePath).toBe('/docs/reference/cloud-recording/start-recording');
  });

  it('keeps a summary with MDX-special characters from breaking the page', () => {
    const family = { ...families[0], intro: 'Intro.' };
    const op = { id: 'x-op', summary: 'Get {things} <now> | all', method: 'GET' as const, path: '/v1/{id}', referencePath: '/docs/reference/x/x-op' };
    expect(operationPageMdx(family, op)).toContain('title: "Get things now | all"');
    expect(familyOverviewMdx(family, [op])).toContain('[Get things now \\| all](/docs/reference/x/x-op) | `GET` | `/v1/{id}` |');
  });

  it('covers every catalog operation once, each at its own referencePath', () => {
    const ids = families.flatMap((f) => f.operations.map((op) => [...read(`${op.referencePath.slice('/docs/'.length)}.mdx`).matchAll(/<OperationReference id="([a-z0-9-]+)"/g)].map((m) => m[1])).flat());
    expect(ids.sort()).toEqual([...operationIds].sort());
  });

  it('the document-only page list (browser tests, page bench) names the same pages as the models', () => {
    expect(referencePages(catalogDocument)).toEqual(
      families.map((f) => ({ family: expect.objectContaining({ family: f.family, page: f.page }), path: `/docs/reference/${f.page}`, operations: f.operations.map((op) => op.referencePath) })),
    );
  });

  it('leaves no page of the old layout (one file per family) behind', () => {
    for (const family of families) expect(existsSync(docsFile(`reference/${family.page}.mdx`)), family.page).toBe(false);
    expect(read('reference/index.mdx')).not.toContain(GENERATED_MARKER);
  });

  it('the overview links the downloads and renders the hosts from the catalog', () => {
    const text = read('reference/index.mdx');
    expect(text).toContain('pathname:///openapi.json');
    expect(text).toContain('pathname:///openapi.yaml');
    expect(text).toContain('<ServersTable />');
    expect(text).toContain('<OperationIndex />');
  });
});
