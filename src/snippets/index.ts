/**
 * Code snippets (cURL, JavaScript, Python and the two production variants)
 * generated from the one normalised request model. Pure functions: the tester
 * renders them, the golden and execution tests run them.
 */
import type { ApiRequest } from '../request/apiRequest';
import { prepare } from './prepare';
import { retryPlan } from './retryPlan';
import { curlSnippet } from './targets/curl';
import { javascriptSnippet } from './targets/javascript';
import { javascriptProductionSnippet } from './targets/javascriptProduction';
import { pythonSnippet } from './targets/python';
import { pythonProductionSnippet } from './targets/pythonProduction';
import type { SnippetOptions, SnippetTarget } from './types';

export { SNIPPET_TARGETS, SnippetError, type SnippetOptions, type SnippetTarget } from './types';

/** Human labels and file extensions, for tabs and downloads. */
export const SNIPPET_TARGET_INFO: Record<SnippetTarget, { label: string; language: 'bash' | 'javascript' | 'python'; extension: string }> = {
  curl: { label: 'cURL', language: 'bash', extension: 'sh' },
  javascript: { label: 'JavaScript', language: 'javascript', extension: 'mjs' },
  python: { label: 'Python', language: 'python', extension: 'py' },
  'javascript-production': { label: 'JavaScript (production)', language: 'javascript', extension: 'mjs' },
  'python-production': { label: 'Python (production)', language: 'python', extension: 'py' },
};

/**
 * The snippet for one target. Throws `PathParamError` for a missing path
 * parameter and `SnippetError` for a request no snippet can express.
 */
export function generateSnippet(target: SnippetTarget, request: ApiRequest, options: SnippetOptions): string {
  const prepared = prepare(request, options);
  switch (target) {
    case 'curl':
      return curlSnippet(prepared);
    case 'javascript':
      return javascriptSnippet(prepared);
    case 'python':
      return pythonSnippet(prepared);
    case 'javascript-production':
      return javascriptProductionSnippet(prepared, retryPlan(request, options, prepared.base));
    case 'python-production':
      return pythonProductionSnippet(prepared, retryPlan(request, options, prepared.base));
  }
}
