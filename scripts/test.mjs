#!/usr/bin/env node
// `npm test`: everything CI checks, in the order that fails fastest.
// Each step streams its output; the first failure stops the run with one clear
// line; a timing table closes every run.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SetupError, ensureChromium, ensurePython, ensureRedis } from './ensure-tools.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const say = (line) => console.log(`\n[npm test] ${line}`);

/** Run a command from the repo root with inherited stdio; resolves with its exit code. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`[npm test] could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const env = {};
const steps = [
  {
    name: 'chromium',
    action: () => {
      env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH = ensureChromium({ log: say });
      say(`Chromium: ${env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH}`);
      return 0;
    },
  },
  {
    name: 'python',
    action: () => {
      env.PYTHON = ensurePython({ log: say });
      say(`Python with requests: ${env.PYTHON}`);
      return 0;
    },
  },
  // The sandbox suites run a second time on Redis; Vitest's `redis` project starts this redis-server itself.
  {
    name: 'redis',
    action: () => {
      env.REDIS_SERVER = ensureRedis({ log: say });
      say(`redis-server: ${env.REDIS_SERVER}`);
      return 0;
    },
  },
  // The catalog JSON and reference pages are generated at install time; regenerate them so tests see the current YAML.
  { name: 'catalog', action: () => run(bin('tsx'), [join(root, 'scripts/build-catalog.ts')], env) },
  { name: 'typecheck', action: () => run(bin('tsc'), ['--noEmit'], env) },
  { name: 'unit tests', action: () => run(bin('vitest'), ['run'], env) },
  // Always rebuild: the end-to-end tests must exercise the production build of these sources.
  { name: 'build', action: () => run(bin('docusaurus'), ['build'], env) },
  { name: 'e2e tests', action: () => run(bin('playwright'), ['test'], env) },
];

const timings = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
function printTimings() {
  console.log('\n[npm test] step durations');
  for (const { name, ms, ok } of timings) console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(11)} ${seconds(ms).padStart(8)}`);
  console.log(`        ${'total'.padEnd(11)} ${seconds(timings.reduce((sum, t) => sum + t.ms, 0)).padStart(8)}`);
}

for (const step of steps) {
  say(`step: ${step.name}`);
  const started = Date.now();
  let code;
  try {
    code = await step.action();
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(`[npm test] ${error.message}`);
    code = 1;
  }
  timings.push({ name: step.name, ms: Date.now() - started, ok: code === 0 });
  if (code !== 0) {
    printTimings();
    console.error(`\n[npm test] FAILED at step "${step.name}" (exit code ${code}); the output above says why.`);
    process.exit(code || 1);
  }
}
printTimings();
say('all steps passed');
