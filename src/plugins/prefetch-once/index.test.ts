import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_REQUEST, isCorePrefetch } from './index';

describe('isCorePrefetch', () => {
  it("matches the installed core client's import of its prefetch helper", () => {
    const require = createRequire(import.meta.url);
    // The module the core's docusaurus.js imports as './prefetch': if a Docusaurus upgrade moves or renames it,
    // this fails instead of the plugin silently replacing nothing.
    const helper = require.resolve('@docusaurus/core/lib/client/prefetch.js');
    const importer = require.resolve('@docusaurus/core/lib/client/docusaurus.js');
    expect(dirname(helper)).toBe(dirname(importer));
    expect(require('node:fs').readFileSync(importer, 'utf8')).toContain(`from '${CORE_REQUEST}'`);
    expect(isCorePrefetch(CORE_REQUEST, dirname(importer))).toBe(true);
    expect(isCorePrefetch(CORE_REQUEST, 'C:\\site\\node_modules\\@docusaurus\\core\\lib\\client')).toBe(true);
  });

  it('leaves any other ./prefetch alone', () => {
    expect(isCorePrefetch('./prefetch', '/site/src/components/Island')).toBe(false);
    expect(isCorePrefetch('./prefetch', '/site/node_modules/@docusaurus/core/lib/client/exports')).toBe(false);
    expect(isCorePrefetch('./preload', '/site/node_modules/@docusaurus/core/lib/client')).toBe(false);
  });
});
