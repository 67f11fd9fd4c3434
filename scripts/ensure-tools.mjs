// Finds the external tools the test suite needs (a Chromium for Playwright, a
// Python 3 with `requests` for the generated-snippet tests, a redis-server for
// the sandbox suites over Redis) and, only when the machine is a disposable
// root box with apt-get (CI containers), installs them.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A setup problem a person must fix; `message` is the one line to show. */
export class SetupError extends Error {}

/** The machine, injectable so tests can play "no Chromium, not root" without touching it. */
export const systemDeps = {
  env: process.env,
  exists: existsSync,
  run: (command, args, options = {}) => spawnSync(command, args, { stdio: 'ignore', ...options }).status ?? 1,
  isRoot: () => typeof process.getuid === 'function' && process.getuid() === 0,
  playwrightChromium,
  log: console.log,
};

const canInstallWithApt = (deps) => deps.isRoot() && deps.run('sh', ['-c', 'command -v apt-get']) === 0;

let aptUpdated = false;
/** apt-get install, with one `apt-get update` per run; output streams to the console. */
function aptInstall(packages, deps) {
  const options = { stdio: 'inherit', env: { ...deps.env, DEBIAN_FRONTEND: 'noninteractive' } };
  if (!aptUpdated) {
    if (deps.run('apt-get', ['update'], options) !== 0) {
      throw new SetupError('apt-get update failed; check the network or the apt sources, then re-run.');
    }
    aptUpdated = true;
  }
  deps.log(`installing ${packages.join(', ')} with apt-get (running as root, nothing suitable found)`);
  // Recommended packages stay in: for chromium they bring the fonts pages are rendered with.
  if (deps.run('apt-get', ['install', '-y', ...packages], options) !== 0) {
    throw new SetupError(`apt-get install ${packages.join(' ')} failed; install it by hand, then re-run.`);
  }
}

/** Playwright's own downloaded Chromium, if `npx playwright install chromium` was run. */
function playwrightChromium() {
  try {
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Path of a Chromium executable: PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, then
 * /usr/bin/chromium, then Playwright's own install; else apt-get (root only).
 */
export function ensureChromium(overrides = {}) {
  const deps = { ...systemDeps, ...overrides };
  const fromEnv = deps.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) {
    if (deps.exists(fromEnv)) return fromEnv;
    throw new SetupError(`PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH points to ${fromEnv}, which does not exist; fix or unset it.`);
  }
  if (deps.exists('/usr/bin/chromium')) return '/usr/bin/chromium';
  const bundled = deps.playwrightChromium();
  if (bundled) return bundled;
  if (canInstallWithApt(deps)) {
    aptInstall(['chromium'], deps);
    if (deps.exists('/usr/bin/chromium')) return '/usr/bin/chromium';
    throw new SetupError('apt-get installed chromium but /usr/bin/chromium is missing; set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH.');
  }
  throw new SetupError(
    'No Chromium found: install one (`sudo apt-get install chromium` or `npx playwright install chromium`) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH.',
  );
}

/** A Python 3 interpreter that can `import requests`: PYTHON, python3 on PATH, /usr/bin/python3; else apt-get (root only). */
export function ensurePython(overrides = {}) {
  const deps = { ...systemDeps, ...overrides };
  const hasRequests = (python) => deps.run(python, ['-c', 'import requests']) === 0;
  const candidates = [deps.env.PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean);
  const found = candidates.find(hasRequests);
  if (found) return found;
  if (canInstallWithApt(deps)) {
    aptInstall(['python3', 'python3-requests'], deps);
    if (hasRequests('/usr/bin/python3')) return '/usr/bin/python3';
  }
  throw new SetupError(
    'No Python 3 with `requests` found: run `sudo apt-get install python3-requests` (or `python3 -m pip install requests`), or set PYTHON.',
  );
}

/**
 * Path of a redis-server executable: REDIS_SERVER, `redis-server` on PATH,
 * /usr/bin/redis-server; else Debian's redis-server from apt-get (root only).
 */
export function ensureRedis(overrides = {}) {
  const deps = { ...systemDeps, ...overrides };
  // A bare command name (what this function returns for one found on PATH) is looked up on PATH.
  const found = (command) => (command.includes('/') ? deps.exists(command) : deps.run('sh', ['-c', 'command -v "$1"', 'sh', command]) === 0);
  const fromEnv = deps.env.REDIS_SERVER;
  if (fromEnv) {
    if (found(fromEnv)) return fromEnv;
    throw new SetupError(`REDIS_SERVER points to ${fromEnv}, which does not exist; fix or unset it.`);
  }
  if (found('redis-server')) return 'redis-server';
  if (deps.exists('/usr/bin/redis-server')) return '/usr/bin/redis-server';
  if (canInstallWithApt(deps)) {
    aptInstall(['redis-server'], deps);
    if (deps.exists('/usr/bin/redis-server')) return '/usr/bin/redis-server';
    throw new SetupError('apt-get installed redis-server but /usr/bin/redis-server is missing; set REDIS_SERVER.');
  }
  throw new SetupError(
    'No redis-server found: install one (`sudo apt-get install redis-server` or `brew install redis`) or set REDIS_SERVER to its path.',
  );
}
