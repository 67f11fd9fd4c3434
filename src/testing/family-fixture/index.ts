/**
 * The test family's module: what a new family folder's `index.ts` holds. Its
 * handlers keep notes in the family's own slice and answer errors in its own
 * dialect (`{error}`), so a test can tell the family's answers from the engine's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CatalogPart, SourcedPart } from '../../catalog/compose';
import type { FamilyModule } from '../../families/types';
import { defineSlice, type ErrorDialect } from '../../sandbox/family';

interface Note {
  id: number;
  text: string;
}

const notes = defineSlice<{ items: Note[] }>('notes-test', { create: () => ({ items: [] }), sweep: () => {} });

const dialect: ErrorDialect = {
  error: (status, message, field, reason, options = {}) => ({
    status,
    headers: options.headers,
    body: { error: `${message}: ${field ? `${field} ${reason}` : reason}` },
  }),
  invalidParameter(field, reason) {
    return this.error(400, 'bad note', field, reason);
  },
  invalidAppId(field, appId) {
    return this.error(400, 'unknown project', field, appId);
  },
  planLimited(limit, retryAfter) {
    return this.error(429, 'slow down', '', `${limit} per minute`, { headers: { 'Retry-After': String(retryAfter) } });
  },
  qpsLimited(text, retryAfter) {
    return this.error(429, 'slow down', '', text, { headers: { 'Retry-After': String(retryAfter) } });
  },
  faultBody: (status) => ({ error: `injected ${status}` }),
};

const notesFamily: FamilyModule = {
  id: 'notes-test',
  sandbox: {
    id: 'notes-test',
    dialect,
    slices: [notes],
    handlers: [
      {
        operationId: 'create-note',
        handle: (ctx) => {
          const state = notes.of(ctx.project);
          const note = { id: state.items.length + 1, text: (ctx.body as { text: string }).text };
          state.items.push(note);
          return { status: 200, body: note };
        },
      },
      { operationId: 'list-notes', handle: (ctx) => ({ status: 200, body: { notes: notes.of(ctx.project).items } }) },
    ],
  },
};

export default notesFamily;

/** The family's catalog part, as the build script would read it from its folder. */
export function notesCatalogPart(): SourcedPart {
  const source = 'src/testing/family-fixture/catalog.yaml';
  // Relative to the project root, where the tests run (import.meta.url is not a file URL under jsdom).
  return { source, part: parse(readFileSync(join(process.cwd(), source), 'utf8')) as CatalogPart };
}
