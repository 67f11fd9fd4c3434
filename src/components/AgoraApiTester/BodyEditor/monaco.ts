/**
 * Monaco, bundled from node_modules (no CDN), trimmed to what a JSON body
 * editor needs: the editor API, the JSON language service (completion from the
 * schema, error markers, hover, formatting) and the usual editing features.
 * Importing `monaco-editor` itself would pull ~80 languages into the chunk.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/editor/contrib/find/browser/findController.js';
import 'monaco-editor/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/editor/contrib/format/browser/formatActions.js';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/editor/common/standaloneStrings.js';
// Monaco 0.55+ moved JSON to a top-level `json` namespace (`monaco.languages.json` is deprecated).
import { jsonDefaults } from 'monaco-editor/languages/features/json/register.js';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

// webpack sees `new Worker(new URL(…, import.meta.url))` and emits each worker as its own file.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new Worker(new URL('monaco-editor/language/json/json.worker.js', import.meta.url));
    return new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url));
  },
};

const schemas = new Map<string, { uri: string; fileMatch: string[]; schema: object }>();

/** Attach a JSON Schema to one editor model (by its URI); every tester keeps its own. */
export function registerSchema(modelUri: string, schema: object): void {
  schemas.set(modelUri, { uri: `${modelUri}.schema.json`, fileMatch: [modelUri], schema });
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    trailingCommas: 'error',
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemas: Array.from(schemas.values()),
  });
}

export { monaco };
