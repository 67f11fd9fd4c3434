/**
 * The offline search plugin (@easyops-cn/docusaurus-search-local), with one
 * step added after it writes its index: each hit's "where" line becomes the
 * page's place in the sidebar (trail.ts). A wrapper rather than a plugin of its
 * own, because Docusaurus runs the plugins' postBuild hooks side by side: only
 * by awaiting the search plugin's own can the rewrite be sure the index is written.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadContext, OptionValidationContext, Plugin } from '@docusaurus/types';
import type { PluginOptions } from '@easyops-cn/docusaurus-search-local';
import * as searchModule from '@easyops-cn/docusaurus-search-local';
import { rewriteTrails } from './trail';

type SearchPlugin = (context: LoadContext, options: PluginOptions) => Plugin;
type ValidateOptions = (context: OptionValidationContext<PluginOptions, PluginOptions>) => PluginOptions;

/**
 * The package is CommonJS with `exports.default` and `exports.validateOptions`, and its types declare only its
 * options. Depending on the loader (Docusaurus' for the config, Node's for tests) the default import is the
 * plugin function or the whole `exports`; both are accepted.
 */
const exported = searchModule as unknown as { default: SearchPlugin | { default: SearchPlugin }; validateOptions: ValidateOptions };
const searchLocal: SearchPlugin = typeof exported.default === 'function' ? exported.default : exported.default.default;
export const validateOptions: ValidateOptions = exported.validateOptions;

/** The index files the plugin wrote: `search-index.json`, and one per search context if those are configured. */
const INDEX_FILE = /^search-index.*\.json$/;

/** Every label of the navbar's items, dropdown entries included: the texts the plugin may record as a page's navbar item. */
export function navbarLabels(themeConfig: unknown): Set<string> {
  const labels = new Set<string>();
  const visit = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items as Array<{ label?: unknown; items?: unknown }>) {
      if (typeof item?.label === 'string') labels.add(item.label.trim());
      visit(item?.items);
    }
  };
  visit((themeConfig as { navbar?: { items?: unknown } } | undefined)?.navbar?.items);
  return labels;
}

export async function rewriteIndexFiles(outDir: string, labels: ReadonlySet<string>): Promise<number> {
  let files = 0;
  for (const name of await readdir(outDir)) {
    if (!INDEX_FILE.test(name)) continue;
    const path = join(outDir, name);
    const { index, changed } = rewriteTrails(JSON.parse(await readFile(path, 'utf8')), labels);
    if (changed > 0) await writeFile(path, JSON.stringify(index), 'utf8');
    files += 1;
  }
  return files;
}

export default function searchTrailPlugin(context: LoadContext, options: PluginOptions): Plugin {
  const inner = searchLocal(context, options);
  const labels = navbarLabels(context.siteConfig.themeConfig);
  return {
    ...inner,
    async postBuild(props) {
      await inner.postBuild?.(props);
      const files = await rewriteIndexFiles(props.outDir, labels);
      if (files === 0) throw new Error(`search-trail: no search-index*.json in ${props.outDir} after the search plugin's build step.`);
    },
  };
}

// Docusaurus validates a plugin's options through its module: the search plugin's own rules apply unchanged.
searchTrailPlugin.validateOptions = validateOptions;
