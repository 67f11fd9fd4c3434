/**
 * The Events stream: `GET {base}/__sandbox/events` with a project's
 * credentials answers server-sent events: a `hello` (App ID, NCS secret,
 * delivery settings), then every released notice of that project as Agora
 * would send it (`notice`, id = its rev), again whenever its delivery changes.
 * A notice a call caused is sent right after that call is written (same
 * process); scheduled ones, and calls served by another instance, within a
 * poll. The reader resumes with Last-Event-ID. Read with fetch, not
 * EventSource, which cannot send the Authorization header.
 */
import type { ProjectRepository } from '../state';
import type { ProjectState } from '../project';
import { changedSince } from './log';
import { formatSse as message, SSE_PING } from './sse';
import type { DeliverySettings, StreamHello } from './types';
import { toRecord } from './wire';

export interface StreamTimings {
  /** How often a stream looks at its project for due notices and other instances' changes, ms. */
  pollMs: number;
  /** A comment line this often keeps proxies from closing an idle stream, ms. */
  pingMs: number;
  /** A stream ends after this long with `bye` (the reader reconnects), ms; bounds a forgotten tab. */
  lifetimeMs: number;
}

export const STREAM_TIMINGS: StreamTimings = { pollMs: 1000, pingMs: 15_000, lifetimeMs: 10 * 60_000 };

/** Open streams one project may have in one process (a few tabs), and in all. */
export const STREAM_LIMITS = { perProject: 4, total: 1000 } as const;

export interface StreamContext {
  request: Request;
  appId: string;
  ncsSecret: string;
  projects: ProjectRepository;
  now: () => number;
  settings: (project: ProjectState | null) => DeliverySettings;
  timings: StreamTimings;
  counter: StreamCounter;
}

/** Open streams per project in this process. */
export class StreamCounter {
  private readonly open = new Map<string, number>();
  private total = 0;

  /** Count a new stream, or say why it may not open. */
  take(appId: string): string | null {
    const mine = this.open.get(appId) ?? 0;
    if (mine >= STREAM_LIMITS.perProject) return `This project already has ${STREAM_LIMITS.perProject} Events streams open; close a tab showing the Events panel and try again.`;
    if (this.total >= STREAM_LIMITS.total) return 'The sandbox has as many Events streams open as it serves; try again in a minute.';
    this.open.set(appId, mine + 1);
    this.total += 1;
    return null;
  }

  release(appId: string): void {
    const mine = (this.open.get(appId) ?? 1) - 1;
    if (mine <= 0) this.open.delete(appId);
    else this.open.set(appId, mine);
    this.total = Math.max(0, this.total - 1);
  }
}

/** The rev a reconnecting reader last saw (0: send everything kept). */
export function resumeFrom(request: Request): number {
  const value = Number(request.headers.get('last-event-id'));
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

export function openEventStream(ctx: StreamContext): Response {
  const refused = ctx.counter.take(ctx.appId);
  if (refused) {
    return new Response(JSON.stringify({ error: { code: 'too_many_streams', message: refused } }), {
      status: 429,
      headers: { 'Content-Type': 'application/json', 'Retry-After': '10', 'Cache-Control': 'no-store' },
    });
  }
  let lastRev = resumeFrom(ctx.request);
  let stopped = false;
  let wake: (() => void) | null = null;
  const nudge = () => {
    const waiting = wake;
    wake = null;
    waiting?.();
  };
  const unsubscribe = ctx.projects.onCommit((appId) => {
    if (appId === ctx.appId) nudge();
  });
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    ctx.counter.release(ctx.appId);
    nudge();
  };
  ctx.request.signal?.addEventListener('abort', stop);

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const started = Date.now();
      let lastWrite = started;
      const send = (bytes: Uint8Array) => {
        controller.enqueue(bytes);
        lastWrite = Date.now();
      };
      try {
        let helloSent = false;
        while (!stopped) {
          const project = await ctx.projects.advance(ctx.appId, ctx.now());
          if (stopped) break;
          if (!helloSent) {
            // Said from the project this first look read, so opening a stream costs one read.
            const hello: StreamHello = { appId: ctx.appId, ncsSecret: ctx.ncsSecret, delivery: ctx.settings(project) };
            send(message('hello', hello));
            helloSent = true;
          }
          for (const notice of project ? changedSince(project, lastRev) : []) {
            send(message('notice', await toRecord(notice, project!, ctx.ncsSecret), notice.rev));
            lastRev = notice.rev;
          }
          const elapsed = Date.now() - started;
          if (elapsed >= ctx.timings.lifetimeMs) {
            send(message('bye', { reason: `Streams end after ${Math.round(ctx.timings.lifetimeMs / 60_000)} min; reconnect with Last-Event-ID to go on.`, retryMs: 1000 }));
            break;
          }
          if (Date.now() - lastWrite >= ctx.timings.pingMs) send(SSE_PING);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(nudge, ctx.timings.pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      } catch {
        // A store that went away ends the stream; the reader reconnects and gets a 503 it can read.
      } finally {
        stop();
        try {
          controller.close();
        } catch {
          // Already closed by a cancelled reader.
        }
      }
    },
    cancel: stop,
  });
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // Proxies that buffer (nginx) would hold notices back until the stream ends.
      'X-Accel-Buffering': 'no',
    },
  });
}
