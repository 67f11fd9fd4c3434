/**
 * Test helper: write a snippet to a temp file and run it with the real tool
 * (bash + curl, node, python3 + requests), then split its output into the
 * printed status and body. Used by the execution and echo tests.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SNIPPET_TARGET_INFO, type SnippetTarget } from '../index';

export interface SnippetRun {
  status: number;
  /** The response body as printed by the snippet. */
  body: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  code: string;
}

const dir = mkdtempSync(join(tmpdir(), 'agora-snippets-'));
let counter = 0;

export function cleanUpSnippetFiles(): void {
  rmSync(dir, { recursive: true, force: true });
}

export const PYTHON = process.env.PYTHON ?? 'python3';

function command(target: SnippetTarget): string {
  if (target === 'curl') return 'bash';
  if (target.startsWith('javascript')) return process.execPath;
  return PYTHON;
}

/** Fails, never skips, when Python's requests is missing: the snippets need it. */
export async function assertPythonRequests(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile(PYTHON, ['-c', 'import requests'], (error) => {
      if (!error) return resolve();
      reject(
        new Error(
          `The Python snippets need the "requests" package, and "${PYTHON} -c 'import requests'" failed. ` +
            'Install it with `python3 -m pip install requests` (or `apt-get install python3-requests`), ' +
            'or point PYTHON at an interpreter that has it.',
        ),
      );
    });
  });
}

/** Only what a reader's shell would have: no proxies, no inherited Agora credentials. */
function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', ...vars };
}

export async function runSnippet(target: SnippetTarget, code: string, vars: Record<string, string> = {}): Promise<SnippetRun> {
  const file = join(dir, `snippet-${++counter}.${SNIPPET_TARGET_INFO[target].extension}`);
  writeFileSync(file, code);
  const { stdout, stderr, exitCode } = await new Promise<{ stdout: string; stderr: string; exitCode: number }>((resolve) => {
    execFile(command(target), [file], { env: childEnv(vars), timeout: 60_000, maxBuffer: 4 * 1024 * 1024 }, (error, out, err) => {
      const exit = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ stdout: String(out), stderr: String(err), exitCode: exit });
    });
  });
  const parsed = parseOutput(target, stdout);
  return { ...parsed, stdout, stderr, exitCode, code };
}

/** curl prints the body then `HTTP status: N`; the JS and Python snippets print `N reason` then the body. */
function parseOutput(target: SnippetTarget, stdout: string): { status: number; body: string } {
  if (target === 'curl') {
    const match = /\nHTTP status: (\d{3})\n$/.exec(stdout);
    return match ? { status: Number(match[1]), body: stdout.slice(0, match.index) } : { status: NaN, body: stdout };
  }
  const newline = stdout.indexOf('\n');
  const status = Number.parseInt(stdout.slice(0, newline), 10);
  // print()/console.log add one newline after the body.
  return { status, body: stdout.slice(newline + 1).replace(/\n$/, '') };
}

/** Run `tasks` with at most `limit` at a time (each spawns a process). */
export async function inParallel<T>(tasks: Array<() => Promise<T>>, limit = 4): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** Explain a failed run: the code, the exit status and what the tool printed. */
export function describeRun(target: SnippetTarget, run: SnippetRun): string {
  return `${target} snippet exited ${run.exitCode}, status ${run.status}\n--- stderr\n${run.stderr}\n--- stdout\n${run.stdout}\n--- code\n${run.code}`;
}
