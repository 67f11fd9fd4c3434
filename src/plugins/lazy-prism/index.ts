/**
 * Prism out of every page's startup. The classic theme registers its client
 * module `prism-include-languages` on every page, and that module imports
 * prism-react-renderer to add the site's extra languages to it, so Prism and
 * its 20-odd bundled grammars were evaluated inside every page's first task:
 * 55-60 ms on this project's 2-core machine (each bundled grammar that extends
 * another walks every grammar loaded so far), about 240 ms at Lighthouse's 4x
 * slowdown, on pages whose code is all served highlighted.
 *
 * The module is swapped for an empty one; the languages are added where Prism
 * is first needed instead (`src/codeTheme/prism.ts`): code blocks highlighted
 * in the browser (a client-side navigation, src/theme/CodeBlock/Content). The
 * testers' code views have a Prism of their own (src/codeTheme/lean).
 */
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { Compiler } from 'webpack';
import { join } from 'node:path';

/** The theme's client module, as Docusaurus's generated client-modules file requires it (an absolute path). */
const THEME_PRISM_MODULE = /[\\/]@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages(\.js)?$/;

/** True for the classic theme's startup module, not for the swizzlable `@theme/prism-include-languages` it calls. */
export function isThemePrismStartup(request: string): boolean {
  return THEME_PRISM_MODULE.test(request);
}

export default function lazyPrismPlugin(context: LoadContext): Plugin {
  const replacement = join(context.siteDir, 'src/plugins/lazy-prism/startup.ts');
  return {
    name: 'lazy-prism',
    configureWebpack() {
      return {
        plugins: [
          {
            apply(compiler: Compiler) {
              new compiler.webpack.NormalModuleReplacementPlugin(THEME_PRISM_MODULE, (resource: { request: string }) => {
                if (isThemePrismStartup(resource.request)) resource.request = replacement;
              }).apply(compiler);
            },
          },
        ],
      };
    },
  };
}
