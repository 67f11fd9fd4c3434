/** JavaScript `fetch` (Node 20+ as an ES module, and browsers). */
import type { PreparedRequest } from '../prepare';
import { jsString } from '../quote/js';
import { JS_PRINT, jsInit, jsPreamble } from './jsParts';

export function javascriptSnippet(p: PreparedRequest): string {
  return [
    ...jsPreamble(p, 'call'),
    '',
    `const response = await fetch(${jsString(p.url)}, ${jsInit(p, '', '')});`,
    ...JS_PRINT,
    '',
  ].join('\n');
}
