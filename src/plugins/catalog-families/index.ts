/**
 * Keeps catalog family data out of pages that do not show it. The client
 * bundle gets an empty module instead of src/catalog/gen/all (which imports
 * every family), so src/catalog carries only the manifest; each docs page
 * imports its families (remark.ts). Each family's data gets a chunk of its
 * own, loaded by the pages that import it: left to Docusaurus's `common`
 * group, a family used on half the pages would be sent to every page. The
 * server bundle is untouched: the static render sees every family.
 */
import { join } from 'node:path';
import type { Plugin } from '@docusaurus/types';
import type { Compiler, Module } from 'webpack';

const ALL_FAMILIES = /[\\/]src[\\/]catalog[\\/]gen[\\/]all\.ts$/;
const FAMILY_DATA = /[\\/]src[\\/]catalog[\\/]gen[\\/]([a-z][a-z0-9-]*)\.json$/;

/** `…/src/catalog/gen/media-pull.json` -> `media-pull`; the manifest and anything else -> undefined. */
export function familyOfDataModule(resource: string | undefined): string | undefined {
  const family = resource ? FAMILY_DATA.exec(resource)?.[1] : undefined;
  return family === 'manifest' ? undefined : family;
}

export default function catalogFamiliesPlugin(context: { siteDir: string }): Plugin {
  const empty = join(context.siteDir, 'src/catalog/noFamilies.ts');
  return {
    name: 'catalog-families',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        plugins: [
          {
            apply(compiler: Compiler) {
              new compiler.webpack.NormalModuleReplacementPlugin(ALL_FAMILIES, empty).apply(compiler);
            },
          },
        ],
        optimization: {
          splitChunks: {
            cacheGroups: {
              catalogFamilies: {
                test: (module: Module) => familyOfDataModule(module.nameForCondition() ?? undefined) !== undefined,
                name: (module: Module) => `catalog-${familyOfDataModule(module.nameForCondition() ?? undefined)}`,
                chunks: 'all',
                enforce: true,
                priority: 45,
              },
            },
          },
        },
      };
    },
  };
}
