/**
 * Keeps catalog family data out of pages until they show it. The client
 * bundle gets an empty module instead of src/catalog/gen/all (which imports
 * every family), so src/catalog carries only the manifest; an island loads an
 * operation's chunk (src/catalog/load.ts: `op-<id>`, which imports its family)
 * when it shows it. Each family's data gets a chunk of its own, shared by the
 * chunks of its operations: left to webpack, it would be copied into each of
 * them. The server bundle is untouched: the static render sees every family.
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
