// @vitest-environment jsdom
/**
 * Adding a family is one folder plus one registry line. This test does exactly
 * that with a small test family (src/testing/family-fixture/): its catalog part
 * is composed with the real ones as `npm run catalog` composes them, and its
 * module is appended to the registry. Nothing else is touched, and the family
 * is then listed in the catalog, served by the sandbox, given a reference page
 * and a Sandbox-page row, and its tester sends a request that works.
 */
import React from 'react';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom/vitest';

// The catalog as `npm run catalog` writes it for the code (src/catalog/gen/: a manifest and one part per family).
async function composedWithTestFamily() {
  const { composeCatalog } = await import('../catalog/compose');
  const { readCatalogBase, readFamilyParts } = await import('../catalog/sources');
  const { splitCatalog } = await import('../catalog/split');
  const { notesCatalogPart } = await import('../testing/family-fixture');
  // Vitest runs from the project root (import.meta.url is not a file URL under jsdom).
  const root = process.cwd();
  const parts = [...readFamilyParts(root), notesCatalogPart()];
  return splitCatalog(composeCatalog(readCatalogBase(root), parts), parts);
}
vi.mock('../catalog/gen/manifest.json', async () => ({ default: (await composedWithTestFamily()).manifest }));
vi.mock('../catalog/gen/all', async () => {
  const { registerFamilyPart } = await import('../catalog/registry');
  for (const part of (await composedWithTestFamily()).parts) registerFamilyPart(part);
  return {};
});
// The one registry line.
vi.mock('./index', async (importOriginal) => {
  const registry = await importOriginal<typeof import('./index')>();
  const { default: notes } = await import('../testing/family-fixture');
  return { ...registry, families: [...registry.families, notes] };
});
// The islands fetch an operation's generated chunk in the browser; this family has none (it is composed in the
// test), and Node already holds it through the mocked gen/all, so loading it is a no-op here.
vi.mock('../catalog/load', () => ({ loadOperation: async () => undefined, loadEveryOperation: async () => undefined }));
// `npm run catalog` writes each operation's precompiled schema checks (src/catalog/checksCode.ts); for the family
// composed here they are what that code compiles, built by Ajv at run time the same way (src/catalog/checks.test.ts
// holds the two equal for every real operation).
vi.mock('../catalog/gen/checks', async (importOriginal) => {
  const { checkLoaders } = await importOriginal<typeof import('../catalog/gen/checks')>();
  const { compileCatalogSchema } = await import('../catalog/ajv');
  const { schemaKey } = await import('../catalog/precompiled');
  const { operationSchemas } = await import('../catalog/validate');
  const { getOperation: operation } = await import('../catalog');
  const compiled = async (id: string) => ({
    checks: Object.fromEntries(operationSchemas(operation(id)).map((schema) => [schemaKey(schema), compileCatalogSchema(schema)])),
  });
  return { checkLoaders: { ...checkLoaders, 'create-note': () => compiled('create-note'), 'list-notes': () => compiled('list-notes') } };
});
vi.mock('../components/AgoraApiTester/site', async () => (await import('../components/AgoraApiTester/testing/siteMock')).siteMock);
vi.mock('../components/AgoraApiTester/BodyEditor/MonacoJson', async () => ({
  default: (await import('../components/AgoraApiTester/testing/siteMock')).MonacoStandIn,
}));

const { getOperation, operationsByFamily } = await import('../catalog');
const { createSandbox, DEMO } = await import('../sandbox');
const { createRelay } = await import('../relay/core');
const { familyReferenceFiles } = await import('../components/OperationReference/referencePage');
const { default: OperationReference } = await import('../components/OperationReference');
const { default: SandboxStatusTable } = await import('../components/SandboxStatusTable');
const { families } = await import('./index');

const BASIC = `Basic ${btoa(`${DEMO.customerId}:${DEMO.customerSecret}`)}`;
const notesUrl = `https://api.agora.io/v1/projects/${DEMO.appId}/notes`;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a family registered by its folder and one registry line', () => {
  it('is listed in the catalog, with the family-wide limits and retry of its tag', () => {
    expect(families.map((f) => f.id)).toContain('notes-test');
    const group = operationsByFamily().find((g) => g.family === 'notes-test')!;
    expect(group.operations.map((op) => op.id)).toEqual(['create-note', 'list-notes']);
    const create = getOperation('create-note');
    expect(create.limits.qps).toEqual([expect.objectContaining({ counter: 'family', perSecond: 5 })]);
    expect(create.retry.schedule).toBe('general');
    expect(create.referencePath).toBe('/docs/reference/notes-test/create-note');
  });

  it('is served by the sandbox: its handlers, its state slice, its error dialect and the family QPS counter', async () => {
    const sandbox = createSandbox({ now: () => Date.UTC(2025, 0, 15) }); // one instant: the per-second window cannot roll over
    const post = (text: unknown) =>
      sandbox.handler(new Request(notesUrl, { method: 'POST', headers: { authorization: BASIC, 'content-type': 'application/json' }, body: JSON.stringify({ text }) }));
    expect(await (await post('first')).json()).toEqual({ id: 1, text: 'first' });
    const bad = await post('');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^bad note: text /);
    const list = await sandbox.handler(new Request(notesUrl, { headers: { authorization: BASIC } }));
    expect(await list.json()).toEqual({ notes: [{ id: 1, text: 'first' }] });
    // Five per second per App ID, shared by both operations: the two accepted calls
    // above (a refused body is not counted) plus three fit.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await post(`n${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('gets a reference page, a Sandbox-page row and a tester that sends a working request', async () => {
    const group = operationsByFamily().find((g) => g.family === 'notes-test')!;
    const pages = familyReferenceFiles(group, group.operations);
    expect(Object.keys(pages)).toEqual(['reference/notes-test/index.mdx', 'reference/notes-test/create-note.mdx', 'reference/notes-test/list-notes.mdx']);
    expect(pages['reference/notes-test/index.mdx']).toContain('Notes is a **test family**');
    expect(pages['reference/notes-test/index.mdx']).toContain('[Create a note](/docs/reference/notes-test/create-note)');
    expect(pages['reference/notes-test/create-note.mdx']).toContain('<OperationReference id="create-note" />');

    render(<SandboxStatusTable />);
    // An island: on a client mount it renders once its code and the catalog's operations have loaded.
    const row = (await screen.findByRole('link', { name: 'create-note' }, { timeout: 10_000 })).closest('tr')!;
    expect(row).toHaveTextContent('200, 400, 401, 429');
    expect(row).toHaveTextContent('the note lives as long as the project');
    cleanup();

    const sandbox = createSandbox();
    const relay = createRelay({ sandbox: sandbox.handler, rateLimit: false, sleep: async () => {} });
    vi.stubGlobal('fetch', (url: RequestInfo | URL, init?: RequestInit) => relay(new Request(new URL(String(url), 'http://localhost'), init)));
    render(<OperationReference id="create-note" />);
    const tester = await screen.findByRole('region', { name: 'Create a note' }, { timeout: 10_000 });
    expect(within(tester).getByLabelText('text')).toHaveValue('hello from a test family');
    await userEvent.click(within(tester).getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(within(tester).getAllByRole('status').some((s) => /^200 OK/.test(s.textContent ?? ''))).toBe(true));
    // The answer's details load lazily; waiting for them keeps their import from outliving the test environment.
    expect(await within(tester).findByRole('heading', { name: /^Attempts/ })).toBeInTheDocument();
    const list = await sandbox.handler(new Request(notesUrl, { headers: { authorization: BASIC } }));
    expect(await list.json()).toEqual({ notes: [{ id: 1, text: 'hello from a test family' }] });
  });
});
