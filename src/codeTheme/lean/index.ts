/**
 * Prism with only the languages the testers show (cURL's bash, JavaScript,
 * Python, JSON), for their code views (../../components/AgoraApiTester/CodeView).
 *
 * Why not prism-react-renderer, as the theme's code blocks use? Its module
 * carries Prism with some twenty languages and registers them all when it is
 * evaluated; each language that extends another walks every grammar loaded
 * so far, so evaluating it took 73–187 ms on this machine, in the very task
 * where a tester near the top of a walkthrough goes live at page load. These
 * four languages take a few milliseconds. The tokens are the same
 * (lines.test.ts compares them with prism-react-renderer's for the site's
 * snippets), so a tester's code reads exactly as the code blocks around it.
 */
import Prism from './core';
// JavaScript's regular expression literals are tokenised by the regex language: it comes first.
import 'prismjs/components/prism-regex.js?lean';
import 'prismjs/components/prism-clike.js?lean';
import 'prismjs/components/prism-javascript.js?lean';
// The theme's Prism has these extra JavaScript tokens too (control-flow keywords, property access, ...).
import 'prismjs/components/prism-js-extras.js?lean';
import 'prismjs/components/prism-json.js?lean';
import 'prismjs/components/prism-bash.js?lean';
import 'prismjs/components/prism-python.js?lean';
import { restoreGlobal } from './manual';
import { tokensToLines, type LineToken, type PrismToken } from './lines';

restoreGlobal();

export type { LineToken } from './lines';

/** The languages highlighted here; any other is shown as plain text. */
export const LEAN_LANGUAGES = ['bash', 'javascript', 'json', 'python'] as const;

/** `code` as lines of tokens, highlighted when Prism here knows `language` (lower case, as the theme's code blocks take it). */
export function highlightLines(code: string, language: string): LineToken[][] {
  const grammar = Prism.languages[language.toLowerCase()];
  return tokensToLines(grammar ? (Prism.tokenize(code, grammar) as Array<string | PrismToken>) : [code]);
}
