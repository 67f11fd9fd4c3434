/**
 * The form each tester was left with, per page and operation, in this tab's
 * sessionStorage: following a link to the reference and coming back (browser
 * Back or another link) finds the request as it was typed. What is kept is
 * what a share link keeps (`toShared`): never credentials (they live in the
 * session store, not the form), never the catalog's secret fields nor a custom
 * value that looks like one; `cleared` names the secrets to type again.
 */
import { getOperation, hasOperation } from '../../../catalog';
import type { OperationModel } from '../../../catalog/types';
import type { ApiRequest } from '../../../request/apiRequest';
import { FAULTS, type Fault } from '../envelope';
import { scrubShared, toShared, type SharedRequest } from '../share';
import { createStore, storageAdapter, tabStorage, type KeyValueStorage, type Store } from './createStore';

export interface FormDraft {
  request: SharedRequest;
  /** The Simulate choice. */
  fault: Fault;
  /** The share link (see `linkId`) this form was opened from: coming back to that URL keeps the edits made since. */
  link?: string;
}

export function draftKey(pathname: string, operationId: string): string {
  return `agora-tester:form:${pathname}:${operationId}`;
}

/**
 * What a draft stores for a request: `toShared`'s copy (credentials and secret
 * fields out), plus the names of secrets the form already asked for again.
 */
export function toDraft(request: ApiRequest, op: OperationModel, options: { fault: Fault; link?: string; cleared?: readonly string[] }): FormDraft {
  const shared = toShared(request, op);
  const cleared = [...new Set([...(shared.cleared ?? []), ...(options.cleared ?? [])])];
  const draft: FormDraft = { request: cleared.length ? { ...shared, cleared } : shared, fault: options.fault };
  if (options.link) draft.link = options.link;
  return draft;
}

/** A stored draft, or undefined when it is malformed or for an operation the catalog no longer has; secrets are emptied again. */
export function parseDraft(text: string, operationId: string): FormDraft | undefined {
  try {
    const value = JSON.parse(text) as Partial<FormDraft> | null;
    const request = value?.request;
    if (!request || typeof request !== 'object' || request.operationId !== operationId || !hasOperation(operationId)) return undefined;
    const safe = scrubShared(
      {
        operationId,
        server: typeof request.server === 'string' ? request.server : '',
        pathParams: strings(request.pathParams),
        query: strings(request.query),
        headers: strings(request.headers),
        ...(request.body !== undefined ? { body: request.body } : {}),
        ...(Array.isArray(request.cleared) ? { cleared: request.cleared } : {}),
      },
      getOperation(operationId),
    );
    const fault = FAULTS.find((option) => option.value === value?.fault)?.value ?? 'none';
    return { request: safe, fault, ...(typeof value?.link === 'string' ? { link: value.link } : {}) };
  } catch {
    return undefined;
  }
}

function strings(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export type DraftStore = Store<FormDraft | null>;

/** The draft of one tester; `storage` is sessionStorage in the browser, a Map-backed fake in tests. */
export function createDraftStore(pathname: string, operationId: string, storage?: KeyValueStorage): DraftStore {
  return createStore<FormDraft | null>(
    null,
    storage &&
      storageAdapter(storage, draftKey(pathname, operationId), {
        parse: (text) => parseDraft(text, operationId),
        // No draft, no key: a form left as the catalog has it leaves nothing behind.
        serialize: (draft) => (draft ? JSON.stringify(draft) : null),
      }),
  );
}

// Only where the browser has no sessionStorage: then drafts live in this page's memory.
const inMemory = new Map<string, DraftStore>();

/**
 * The tab's draft for the tester of `operationId` on the page at `pathname`.
 * Read from sessionStorage each time a tester mounts (storage is the one copy,
 * so clearing it clears drafts); in memory where there is no storage.
 */
export function pageDraft(pathname: string, operationId: string): DraftStore {
  const storage = tabStorage();
  if (storage) return createDraftStore(pathname, operationId, storage);
  const key = draftKey(pathname, operationId);
  let store = inMemory.get(key);
  if (!store) {
    store = createDraftStore(pathname, operationId);
    inMemory.set(key, store);
  }
  return store;
}

/**
 * A short, stable id for a share link's hash (FNV-1a), so a draft can say which
 * link it came from without keeping the link, which a hand-made one could fill
 * with anything.
 */
export function linkId(hash: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < hash.length; index += 1) {
    value ^= hash.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(36);
}
