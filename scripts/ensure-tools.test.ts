import { describe, expect, it } from 'vitest';
import { SetupError, ensureChromium, ensurePython, ensureRedis } from './ensure-tools.mjs';

type Run = (command: string, args: string[], options?: object) => number;

/** A fake machine: which files exist, whether we are root, what each command returns. */
function machine(options: { files?: string[]; root?: boolean; run?: Run; env?: Record<string, string> } = {}) {
  const files = new Set(options.files ?? []);
  const calls: string[] = [];
  const logs: string[] = [];
  const run: Run = (command, args, runOptions) => {
    calls.push([command, ...args].join(' '));
    return options.run ? options.run(command, args, runOptions) : 1;
  };
  return {
    calls,
    logs,
    files,
    deps: {
      env: options.env ?? {},
      exists: (path: string) => files.has(path),
      run,
      isRoot: () => options.root ?? false,
      playwrightChromium: () => null,
      log: (line: string) => logs.push(line),
    },
  };
}

describe('ensureChromium', () => {
  it('prefers PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH', () => {
    const m = machine({ files: ['/opt/chrome', '/usr/bin/chromium'], env: { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/opt/chrome' } });
    expect(ensureChromium(m.deps)).toBe('/opt/chrome');
  });

  it('rejects an env path that does not exist instead of silently using another browser', () => {
    const m = machine({ files: ['/usr/bin/chromium'], env: { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/nope' } });
    expect(() => ensureChromium(m.deps)).toThrow(/\/nope, which does not exist/);
  });

  it('uses /usr/bin/chromium, then Playwright’s own download', () => {
    expect(ensureChromium(machine({ files: ['/usr/bin/chromium'] }).deps)).toBe('/usr/bin/chromium');
    const m = machine();
    expect(ensureChromium({ ...m.deps, playwrightChromium: () => '/cache/chrome' })).toBe('/cache/chrome');
  });

  it('installs Debian chromium with apt-get when root, and says so', () => {
    const m = machine({ root: true, run: () => 0 });
    const deps = { ...m.deps, run: (command: string, args: string[], options?: object) => {
      const code = m.deps.run(command, args, options);
      if (command === 'apt-get' && args[0] === 'install') m.files.add('/usr/bin/chromium');
      return code;
    } };
    expect(ensureChromium(deps)).toBe('/usr/bin/chromium');
    expect(m.calls.some((c) => c.startsWith('apt-get install') && c.endsWith('chromium'))).toBe(true);
    expect(m.logs.join('\n')).toMatch(/installing chromium with apt-get/);
  });

  it('stops with a one-line instruction when not root', () => {
    const m = machine({ root: false, run: () => 0 });
    expect(() => ensureChromium(m.deps)).toThrow(SetupError);
    expect(() => ensureChromium(m.deps)).toThrow(/^No Chromium found: install one .*PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH\.$/);
    expect(m.calls.some((c) => c.startsWith('apt-get'))).toBe(false);
  });
});

describe('ensurePython', () => {
  it('returns the first interpreter that can import requests', () => {
    const m = machine({ run: (command) => (command === '/usr/bin/python3' ? 0 : 1) });
    expect(ensurePython(m.deps)).toBe('/usr/bin/python3');
  });

  it('fails with how to install requests when none can and apt is not allowed', () => {
    const m = machine({ run: () => 1 });
    expect(() => ensurePython(m.deps)).toThrow(/python3-requests/);
  });
});
describe('ensureRedis', () => {
  it('prefers REDIS_SERVER, and refuses one that does not exist instead of silently using another', () => {
    expect(ensureRedis(machine({ files: ['/opt/redis-server'], env: { REDIS_SERVER: '/opt/redis-server' } }).deps)).toBe('/opt/redis-server');
    const m = machine({ files: ['/usr/bin/redis-server'], env: { REDIS_SERVER: '/nope' } });
    expect(() => ensureRedis(m.deps)).toThrow(/REDIS_SERVER points to \/nope, which does not exist/);
  });

  it('uses redis-server on PATH, then /usr/bin/redis-server', () => {
    const onPath = machine({ run: (command, args) => (command === 'sh' && args.includes('redis-server') ? 0 : 1) });
    expect(ensureRedis(onPath.deps)).toBe('redis-server');
    expect(ensureRedis(machine({ files: ['/usr/bin/redis-server'] }).deps)).toBe('/usr/bin/redis-server');
  });

  it('installs Debian redis-server with apt-get when root, and says so', () => {
    const m = machine({ root: true, run: (command, args) => (command === 'sh' && args.includes('redis-server') ? 1 : 0) });
    const deps = { ...m.deps, run: (command: string, args: string[], options?: object) => {
      const code = m.deps.run(command, args, options);
      if (command === 'apt-get' && args[0] === 'install') m.files.add('/usr/bin/redis-server');
      return code;
    } };
    expect(ensureRedis(deps)).toBe('/usr/bin/redis-server');
    expect(m.calls.some((c) => c.startsWith('apt-get install') && c.endsWith('redis-server'))).toBe(true);
    expect(m.logs.join('\n')).toMatch(/installing redis-server with apt-get/);
  });

  it('stops with a one-line instruction when not root', () => {
    const m = machine({ root: false, run: (command, args) => (command === 'sh' && args.includes('redis-server') ? 1 : 0) });
    expect(() => ensureRedis(m.deps)).toThrow(/^No redis-server found: install one .*set REDIS_SERVER to its path\.$/);
    expect(m.calls.some((c) => c.startsWith('apt-get'))).toBe(false);
  });
});
