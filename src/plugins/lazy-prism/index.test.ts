import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isThemePrismStartup } from './index';

const require = createRequire(import.meta.url);

describe('isThemePrismStartup', () => {
  it("matches the installed classic theme's startup module, as its client modules list it", () => {
    // If a Docusaurus upgrade renames or drops the module, this fails instead of the plugin silently replacing nothing
    // (and Prism silently coming back into every page's startup).
    const themeLib = join(require.resolve('@docusaurus/theme-classic/package.json'), '..', 'lib');
    expect(readFileSync(join(themeLib, 'index.js'), 'utf8')).toContain("'./prism-include-languages'");
    const startup = join(themeLib, 'prism-include-languages');
    expect(readFileSync(`${startup}.js`, 'utf8')).toContain("from 'prism-react-renderer'");
    expect(isThemePrismStartup(startup)).toBe(true);
    expect(isThemePrismStartup(`${startup}.js`)).toBe(true);
    expect(isThemePrismStartup('C:\\site\\node_modules\\@docusaurus\\theme-classic\\lib\\prism-include-languages')).toBe(true);
  });

  it('leaves the swizzlable function the site calls itself alone', () => {
    expect(isThemePrismStartup('@theme/prism-include-languages')).toBe(false);
    expect(isThemePrismStartup('/site/node_modules/@docusaurus/theme-classic/lib/theme/prism-include-languages.js')).toBe(false);
    expect(isThemePrismStartup('/site/node_modules/@docusaurus/theme-classic/lib/nprogress')).toBe(false);
  });
});
