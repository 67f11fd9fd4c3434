/**
 * Evaluated just before prismjs's core (core.ts imports it first). Prism's
 * core, when it loads in a page, highlights every `code` element with a
 * `language-` class on its own unless it finds `Prism.manual` on the window,
 * and in a worker it would answer messages. Here it must do neither: the
 * page's code blocks are highlighted already (as served) and the site asks
 * for its tokens itself. The global it reads is put back as it was once the
 * languages are in (index.ts).
 */
type PrismScope = { Prism?: unknown };

const scopes: PrismScope[] = [globalThis as PrismScope, ...(typeof window === 'undefined' ? [] : [window as unknown as PrismScope])];
const before = scopes.map((scope) => scope.Prism);

for (const scope of scopes) scope.Prism = { manual: true, disableWorkerMessageHandler: true };

/** Makes `instance` the global Prism, which prismjs's language files extend. */
export function lendGlobal(instance: unknown): void {
  for (const scope of scopes) scope.Prism = instance;
}

/** The global Prism as it was before. */
export function restoreGlobal(): void {
  scopes.forEach((scope, index) => {
    if (before[index] === undefined) delete scope.Prism;
    else scope.Prism = before[index];
  });
}
