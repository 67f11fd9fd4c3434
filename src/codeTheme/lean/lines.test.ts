/**
 * The testers' Prism (index.ts) against the one the theme's code blocks use
 * (prism-react-renderer's, with the theme's extra `bash` from prismjs, added the
 * way `@theme/prism-include-languages` adds it): the same lines and token types
 * for every snippet the site generates and every JSON example it shows, so a
 * tester's code is coloured exactly as the code blocks around it.
 */
import { normalizeTokens } from 'prism-react-renderer';
import { listOperations } from '../../catalog';
import { defaultRequest } from '../../request/build';
import { generateSnippet, SNIPPET_TARGET_INFO, SNIPPET_TARGETS } from '../../snippets';
import { FIXTURES } from '../../snippets/fixtures';
import { highlightLines, LEAN_LANGUAGES } from './index';
import { tokensToLines, type PrismToken } from './lines';
import { themePrism } from '../../testing/themePrism';

const theme = themePrism();

function themeLines(code: string, language: string) {
  const grammar = theme.languages[language];
  if (!grammar) throw new Error(`The theme's Prism has no ${language}`);
  return normalizeTokens(theme.tokenize(code, grammar));
}

const snippets = [
  ...listOperations().flatMap((op) => {
    // Chained ids (a recording's sid) are empty in a fresh request: filled as an earlier call would.
    const request = defaultRequest(op, { pathParams: Object.fromEntries(op.pathParams.map((param) => [param.name, `${param.name}-1`])) });
    return SNIPPET_TARGETS.map((target) => ({ name: `${op.id} ${target}`, target, request, options: { baseUrl: 'https://api.agora.io' } }));
  }),
  ...FIXTURES.flatMap(({ name, request, options }) => SNIPPET_TARGETS.map((target) => ({ name: `${name} ${target}`, target, request, options: { ...options, baseUrl: 'https://' + request.server } }))),
].map(({ name, target, request, options }) => ({ name, language: SNIPPET_TARGET_INFO[target].language, code: generateSnippet(target, request, options) }));

const json = listOperations().flatMap((op) =>
  op.responses.flatMap((response, index) => (response.example === undefined ? [] : [{ name: `${op.id} response ${index}`, code: JSON.stringify(response.example, null, 2) }])),
);

describe('the testers’ Prism', () => {
  it('colours every generated snippet as the theme’s code blocks would', () => {
    expect(snippets.length).toBe((listOperations().length + FIXTURES.length) * SNIPPET_TARGETS.length);
    expect(listOperations().length).toBeGreaterThan(40);
    for (const { name, language, code } of snippets) expect(highlightLines(code, language), name).toEqual(themeLines(code, language));
  });

  it('colours every JSON example in the catalog as the theme would', () => {
    expect(json.length).toBeGreaterThan(50);
    for (const { name, code } of json) expect(highlightLines(code, 'json'), name).toEqual(themeLines(code, 'json'));
  });

  it('knows exactly the snippets’ languages and JSON, and shows any other language as plain lines', () => {
    expect([...new Set(Object.values(SNIPPET_TARGET_INFO).map((info) => info.language)), 'json'].sort()).toEqual([...LEAN_LANGUAGES].sort());
    expect(highlightLines('a <b>\n\nc', 'text')).toEqual([[{ types: ['plain'], content: 'a <b>' }], [{ types: ['plain'], content: '\n', empty: true }], [{ types: ['plain'], content: 'c' }]]);
    expect(highlightLines('{"a": 1}', 'JSON')).toEqual(highlightLines('{"a": 1}', 'json'));
  });

  it('leaves no global Prism behind', () => {
    expect((globalThis as { Prism?: unknown }).Prism).toBeUndefined();
  });
});

describe('tokensToLines', () => {
  const token = (type: string, content: PrismToken['content'], alias?: string | string[]): PrismToken => ({ type, content, alias });
  const cases: Array<[string, Array<string | PrismToken>]> = [
    ['empty', []],
    ['plain with blank and trailing lines', ['a\n\nb\n']],
    ['CRLF and CR', ['a\r\nb\rc']],
    ['a token across lines', ['x ', token('string', '"a\nb"'), ' y']],
    ['nested tokens', [token('string', ['"', token('interpolation', ['${', token('variable', 'v'), '}']), '"'])]],
    ['a nested token of its parent’s type', [token('string', [token('string', 'inner')])]],
    ['aliases, one and several', [token('keyword', 'if', 'control'), token('op', '+', ['a', 'op'])]],
    ['an empty token on its own line', ['a\n', token('comment', ''), '\nb']],
  ];
  it.each(cases)('%s: as prism-react-renderer lays them out', (_name, tokens) => {
    expect(tokensToLines(tokens)).toEqual(normalizeTokens(tokens as Parameters<typeof normalizeTokens>[0]));
  });
});
