/**
 * Bundles the Cloudflare Workers entry (src/relay/adapters/cloudflare/index.ts)
 * into one ES module for workerd: `npx tsx scripts/bundle-worker.ts [outdir]`
 * (default `dist/worker`; wrangler.toml runs this as its build command and
 * uploads the result as is). The workerd test (src/relay/adapters/cloudflare/
 * workerd.test.ts) runs the very same function, so what it tests is what deploys.
 *
 * Two modules are swapped for Worker-safe ones, both in `workerPlugin` below:
 * - `src/catalog/ajv.ts`: Ajv compiles schemas with `new Function`, which
 *   Workers refuse, so every catalog schema is compiled here, at build time,
 *   into Ajv standalone code (src/catalog/checksCode.ts, as the browser's
 *   checks are; looked up through src/catalog/precompiled.ts).
 * - `src/sandbox/store/redis.ts`: node-redis needs `node:net`; the Worker gets
 *   a module that throws what to set instead (cloudflare/noRedis.ts).
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { listOperations } from '../src/catalog';
import { standaloneChecks } from '../src/catalog/checksCode';
import type { JsonSchema } from '../src/catalog/types';
import { precompileOperation, type SchemaCheck } from '../src/catalog/validate';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Worker's entry module, also `main`'s source in wrangler.toml. */
export const WORKER_ENTRY = join(projectRoot, 'src/relay/adapters/cloudflare/index.ts');

/** Export conditions workerd resolves (the ones wrangler uses). */
export const WORKER_CONDITIONS = ['workerd', 'worker', 'browser'];

const AJV_MODULE = join(projectRoot, 'src/catalog/ajv');
const REDIS_MODULE = join(projectRoot, 'src/sandbox/store/redis');
const PRECOMPILED = join(projectRoot, 'src/catalog/precompiled.ts');
const CHECKS_RUNTIME = join(projectRoot, 'src/catalog/checksRuntime.ts');
const NO_REDIS = join(projectRoot, 'src/relay/adapters/cloudflare/noRedis.ts');

export interface WorkerBundle {
  /** Path of the bundled ES module. */
  file: string;
  bytes: number;
  /** How many distinct catalog schemas were compiled into it. */
  schemas: number;
}

/** Every schema the sandbox compiles at start-up: collected by the sandbox's own rule (`precompileOperation`). */
function catalogSchemas(): JsonSchema[] {
  const schemas: JsonSchema[] = [];
  const record = (schema: JsonSchema): SchemaCheck => {
    schemas.push(schema);
    return () => true;
  };
  for (const operation of listOperations()) precompileOperation(operation, record);
  return schemas;
}

/** An ES module exporting `compileSchema`, the drop-in for src/catalog/ajv.ts, with every schema's check compiled in. */
function precompiledAjvModule(schemas: readonly JsonSchema[]): { code: string; count: number } {
  const { code, table } = standaloneChecks(schemas, CHECKS_RUNTIME);
  return {
    code: [code, `import { precompiledCompiler } from ${JSON.stringify(PRECOMPILED)};`, `export const compileSchema = precompiledCompiler(${table});`].join('\n'),
    count: (table.match(/: check\d+/g) ?? []).length,
  };
}

function workerPlugin(ajvModule: string): Plugin {
  const namespace = 'agora-worker';
  return {
    name: 'agora-worker',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /\/ajv$/ }, (args) =>
        resolve(args.resolveDir, args.path) === AJV_MODULE ? { path: 'precompiled-ajv', namespace } : undefined,
      );
      pluginBuild.onResolve({ filter: /\/redis$/ }, (args) => (resolve(args.resolveDir, args.path) === REDIS_MODULE ? { path: NO_REDIS } : undefined));
      // resolveDir: the generated code imports its helpers (src/catalog/checksRuntime.ts) from Ajv's packages in node_modules.
      pluginBuild.onLoad({ filter: /^precompiled-ajv$/, namespace }, () => ({ contents: ajvModule, loader: 'js', resolveDir: projectRoot }));
    },
  };
}

/** Bundle the Worker into `outdir/index.js`. */
export async function bundleWorker(options: { outdir: string; minify?: boolean }): Promise<WorkerBundle> {
  const ajvModule = precompiledAjvModule(catalogSchemas());
  const file = join(options.outdir, 'index.js');
  await mkdir(options.outdir, { recursive: true });
  const result = await build({
    entryPoints: [WORKER_ENTRY],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: WORKER_CONDITIONS,
    target: 'es2022',
    minify: options.minify ?? true,
    // One file: wrangler uploads it as is (no_bundle), so no chunk may be left behind.
    splitting: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [workerPlugin(ajvModule.code)],
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  return { file, bytes, schemas: ajvModule.count };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const outdir = resolve(process.argv[2] ?? join(projectRoot, 'dist/worker'));
  bundleWorker({ outdir })
    .then(({ file, bytes, schemas }) => console.log(`Worker bundled into ${file} (${Math.round(bytes / 1024)} KB, ${schemas} precompiled schemas).`))
    .catch((error: Error) => {
      console.error(`Could not bundle the Worker: ${error.message}`);
      process.exit(1);
    });
}
