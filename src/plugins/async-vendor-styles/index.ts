/**
 * Docusaurus merges every CSS module of the client bundle into one `styles`
 * file that each page loads before it renders (its splitChunks `styles`
 * group), so that CSS from different chunks never applies in a different
 * order. That is right for the site's own CSS, but Monaco's editor ships
 * 160 KB of CSS (about 60% of the stylesheet) for an editor that loads only
 * when a reader opens a JSON body, and would make every page wait for it.
 *
 * This group takes CSS from the listed vendor packages, used only by chunks
 * that load on demand, into a stylesheet of its own that webpack loads with
 * that chunk. Monaco's rules are scoped to its own class names, so the order
 * relative to the site's stylesheet cannot change how anything else looks.
 */
import type { Plugin } from '@docusaurus/types';
import type { Module } from 'webpack';

/** Packages whose CSS is loaded with their (on-demand) chunk, not with every page. */
export const ASYNC_VENDOR_STYLES = ['monaco-editor'] as const;

const CSS_EXTRACT = 'css/mini-extract';

/** True for a CSS module of one of those packages, by its resource path. */
export function isAsyncVendorStyle(resource: string | undefined, type: string): boolean {
  if (type !== CSS_EXTRACT || !resource) return false;
  const path = resource.replace(/\\/g, '/');
  return ASYNC_VENDOR_STYLES.some((name) => path.includes(`/node_modules/${name}/`));
}

export default function asyncVendorStylesPlugin(): Plugin {
  return {
    name: 'async-vendor-styles',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              // Above Docusaurus's `styles` group (priority 50), which would otherwise take it.
              asyncVendorStyles: {
                name: 'vendor-styles',
                test: (module: Module) => isAsyncVendorStyle(module.nameForCondition() ?? undefined, module.type),
                chunks: 'async',
                enforce: true,
                priority: 60,
              },
            },
          },
        },
      };
    },
  };
}
