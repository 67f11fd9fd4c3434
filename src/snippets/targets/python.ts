/** Python 3 with `requests`. */
import type { PreparedRequest } from '../prepare';
import { pyString } from '../quote/python';
import { PY_PRINT, pyHeader, pyKwargs } from './pyParts';

export function pythonSnippet(p: PreparedRequest): string {
  return [
    ...pyHeader(p, [], []),
    '',
    '',
    `response = requests.request(`,
    `    ${pyString(p.method)},`,
    `    ${pyString(p.url)},`,
    ...pyKwargs(p, '    ', ''),
    '    timeout=30,',
    ')',
    ...PY_PRINT,
    '',
  ].join('\n');
}
