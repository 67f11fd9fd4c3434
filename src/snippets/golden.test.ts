/**
 * Golden matrix: every fixture through every target, compared with the files in
 * `__golden__/`. Review a change there by eye; update with `npx vitest run src/snippets -u`.
 */
import { generateSnippet, SNIPPET_TARGET_INFO, SNIPPET_TARGETS } from './index';
import { FIXTURES } from './fixtures';

describe.each(FIXTURES)('snippets for $name', ({ name, request, options }) => {
  it.each(SNIPPET_TARGETS)('%s matches the golden file', async (target) => {
    const code = generateSnippet(target, request, { ...options, baseUrl: 'https://' + request.server });
    await expect(code).toMatchFileSnapshot(`./__golden__/${name}.${target}.${SNIPPET_TARGET_INFO[target].extension}`);
  });
});
