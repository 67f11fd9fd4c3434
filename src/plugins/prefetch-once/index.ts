/**
 * Docusaurus prefetches the chunks of every route a visible link points to,
 * one `<link rel=prefetch>` per chunk per route. Doc routes share most of
 * their chunks (the docs layout, the sidebar), so a page whose sidebar and
 * text link to fifty pages appended about 300 link elements for 26 distinct
 * files, in one burst of main-thread work right after hydration (Media Pull
 * best practices: 308 links; at Lighthouse's 4x CPU slowdown ~60 ms in
 * appendChild alone). This plugin swaps the core's prefetch helper for
 * `prefetch.ts`, which asks for each file once per page life.
 */
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { Compiler } from 'webpack';
import { join } from 'node:path';

/** The helper the core's client imports as `./prefetch` (@docusaurus/core/lib/client/docusaurus.js). */
export const CORE_REQUEST = './prefetch';
const CORE_CLIENT_DIR = /[\\/]@docusaurus[\\/]core[\\/]lib[\\/]client$/;

/** True for the core client's import of its prefetch helper, and for nothing else named `./prefetch`. */
export function isCorePrefetch(request: string, context: string): boolean {
  return request === CORE_REQUEST && CORE_CLIENT_DIR.test(context);
}

export default function prefetchOncePlugin(context: LoadContext): Plugin {
  const replacement = join(context.siteDir, 'src/plugins/prefetch-once/prefetch.ts');
  return {
    name: 'prefetch-once',
    configureWebpack() {
      return {
        plugins: [
          {
            apply(compiler: Compiler) {
              // Before resolving, so the site's own loaders compile the replacement like any file in src/.
              new compiler.webpack.NormalModuleReplacementPlugin(/^\.\/prefetch$/, (resource: { request: string; context: string }) => {
                if (isCorePrefetch(resource.request, resource.context)) resource.request = replacement;
              }).apply(compiler);
            },
          },
        ],
      };
    },
  };
}
