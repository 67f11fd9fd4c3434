/**
 * Vercel deployment in Build Output API (v3) form, written after `npm run build`
 * by vercel.json's build command: `npx tsx scripts/bundle-vercel.ts [outdir]`
 * (default `.vercel/output`). Vercel deploys that directory as is:
 * - `static/`: the pages, a copy of build/;
 * - `functions/api/site.func/`: src/relay/adapters/vercel bundled by esbuild
 *   into one ES module (Node 20), the relay and the sandbox;
 * - `config.json`: /api/relay and /sandbox/* to that function, the rest to files,
 *   each page under the URL the site links to (`overrides`).
 * Bundling here, rather than letting Vercel compile `api/*.ts`, is what makes
 * the function load: Vercel's TypeScript step keeps this code's extensionless
 * ESM imports and its JSON import, which Node's ESM loader refuses.
 */
import { cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The module the Vercel Function runs. */
export const VERCEL_ENTRY = join(projectRoot, 'src/relay/adapters/vercel/index.ts');

/** The function's path inside the deployment; config.json routes the site's API paths to it. */
export const FUNCTION_PATH = '/api/site';

/** Routes of config.json: the API paths to the function, then the files, then the pages' 404. */
export const VERCEL_ROUTES = [
  { src: '^/api/relay/?$', dest: FUNCTION_PATH },
  { src: '^/sandbox(?:/.*)?$', dest: FUNCTION_PATH },
  { handle: 'filesystem' },
  { src: '^/.*$', status: 404, dest: '/404.html' },
] as const;

/**
 * config.json `overrides` giving each page the URL the site links to. docusaurus.config.ts has
 * `trailingSlash: false`: pages are `docs/x.html` and `docs/folder/index.html`, linked as `/docs/x` and
 * `/docs/folder`; Vercel would otherwise serve them only under their file names.
 */
export async function pageOverrides(staticDir: string): Promise<Record<string, { path: string }>> {
  const overrides: Record<string, { path: string }> = {};
  const entries = await readdir(staticDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    // `parentPath` from Node 20.12; `path` before it.
    const parent = entry.parentPath ?? (entry as unknown as { path: string }).path;
    const file = relative(staticDir, join(parent, entry.name)).split(sep).join('/');
    if (file === 'index.html' || file === '404.html') continue;
    overrides[file] = { path: file.endsWith('/index.html') ? file.slice(0, -'/index.html'.length) : file.slice(0, -'.html'.length) };
  }
  return overrides;
}

export interface VercelOutput {
  outdir: string;
  /** The bundled function module. */
  functionFile: string;
  bytes: number;
}

/** Write the Build Output API directory from `buildDir` (the static site) and the Vercel entry. */
export async function bundleVercel(options: { outdir: string; buildDir: string; minify?: boolean }): Promise<VercelOutput> {
  const built = await stat(join(options.buildDir, 'index.html')).catch(() => null);
  if (!built) throw new Error(`${options.buildDir} holds no index.html: run \`npm run build\` first (vercel.json's build command does).`);
  await rm(options.outdir, { recursive: true, force: true });
  const functionDir = join(options.outdir, `functions${FUNCTION_PATH}.func`);
  await mkdir(functionDir, { recursive: true });
  const functionFile = join(functionDir, 'index.mjs');
  const result = await build({
    entryPoints: [VERCEL_ENTRY],
    outfile: functionFile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: options.minify ?? true,
    metafile: true,
    logLevel: 'silent',
    // Bundled CommonJS packages (node-redis, Ajv) call require() for Node's own modules; ES modules have none.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  await writeFile(
    join(functionDir, '.vc-config.json'),
    `${JSON.stringify({ runtime: 'nodejs20.x', handler: 'index.mjs', launcherType: 'Nodejs', shouldAddHelpers: false }, null, 2)}\n`,
  );
  const staticDir = join(options.outdir, 'static');
  await cp(options.buildDir, staticDir, { recursive: true });
  const config = { version: 3, routes: VERCEL_ROUTES, overrides: await pageOverrides(staticDir) };
  await writeFile(join(options.outdir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  return { outdir: options.outdir, functionFile, bytes };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const outdir = resolve(process.argv[2] ?? join(projectRoot, '.vercel/output'));
  bundleVercel({ outdir, buildDir: resolve(process.env.BUILD_DIR ?? join(projectRoot, 'build')) })
    .then(({ functionFile, bytes }) => console.log(`Vercel output written to ${outdir} (function ${functionFile}, ${Math.round(bytes / 1024)} KB).`))
    .catch((error: Error) => {
      console.error(`Could not write the Vercel output: ${error.message}`);
      process.exit(1);
    });
}
