/**
 * Webhook delivery: every released notice of a project with a target is POSTed
 * there as Agora's Notification Center Service would: the raw JSON body, both
 * signatures, success only on 200 within 10 s, otherwise an immediate resend,
 * then at growing intervals, three retries in all; each resend carries a new
 * notifyMs and so new signatures. Attempts are written into the notice, so the
 * Events panel shows them.
 *
 * Targets: the operator's (`--webhook`, SANDBOX_WEBHOOK_URL) for every
 * project, or one a project chose among the prefixes the operator allows
 * (SANDBOX_WEBHOOK_ALLOW). With neither, nothing leaves the sandbox; a public
 * deployment is that way unless its operator says otherwise.
 *
 * Delivery needs a long-running process (the Node server, the CLI): timers
 * wake a project when its next notice or retry is due. The instance that
 * released a notice sends it; another takes over if that one stops renewing
 * its lease, so a notice is sent by one instance at a time.
 */
import { readBodyLimited } from '../../adapters/body';
import type { ProjectRepository } from '../state';
import type { ProjectState } from '../project';
import { touchNotice } from './log';
import { notificationHeaders } from './sign';
import type { Delivery, DeliveryAttempt, DeliverySettings, NotificationBody, StoredNotice } from './types';
import { noticeBody } from './wire';

export interface WebhookOptions {
  /** Every project's notices go here (the operator's own receiver). */
  url?: string;
  /** URL prefixes (scheme, host, port and a path prefix) a project may choose as its own target. */
  allow?: readonly string[];
  /** Waits before each retry, ms: Agora resends at once, then less often, three times (default 0, 2000, 6000). */
  retryDelaysMs?: readonly number[];
  /** How long a receiver has to answer, ms (Agora: 10 s). */
  timeoutMs?: number;
  /** The fetch that POSTs (tests may pass one; default the global). */
  fetch?: typeof fetch;
}

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [0, 2000, 6000];
export const RECEIVER_TIMEOUT_MS = 10_000;
/** How long an instance owns a notice it is sending before another may take it over. */
const LEASE_MS = 30_000;
/** The longest answer body read back from a receiver (it is only checked for JSON). */
const MAX_ANSWER_BYTES = 16 * 1024;

/** Why a URL cannot be a target, or null when it can. */
export type TargetProblem = { code: 'invalid_url' | 'target_not_allowed' | 'webhooks_disabled'; message: string };

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** An allowed prefix as the parts a target must share with it. */
interface AllowRule {
  origin: string;
  path: string;
  text: string;
}

function allowRule(text: string): AllowRule {
  const url = parseUrl(text.trim());
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) {
    throw new Error(`SANDBOX_WEBHOOK_ALLOW: "${text}" is not an http(s) URL prefix such as https://hooks.example.com/agora/ (no user name or password).`);
  }
  return { origin: url.origin, path: url.pathname, text: url.href };
}

/** The setting's comma-separated prefixes (empty or unset: none). Throws with a sentence on a malformed one. */
export function parseAllowList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => allowRule(entry).text);
}

export class Dispatcher {
  private readonly rules: AllowRule[];
  private readonly delays: readonly number[];
  private readonly timeoutMs: number;
  private readonly post: typeof fetch;
  /** This instance's name in a notice's `owner`. */
  private readonly instance = crypto.randomUUID();
  private readonly timers = new Map<string, { at: number; timer: ReturnType<typeof setTimeout> }>();
  private readonly sending = new Set<string>();
  /** Per project, the send under way: one at a time, so a receiver sees a project's notices in the order they happened. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly options: WebhookOptions,
    private readonly projects: ProjectRepository,
    private readonly now: () => number,
  ) {
    if (options.url) {
      const url = parseUrl(options.url);
      if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`The webhook URL "${options.url}" is not an http(s) URL, e.g. http://127.0.0.1:8080/agora/notifications.`);
    }
    this.rules = (options.allow ?? []).map(allowRule);
    this.delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.timeoutMs = options.timeoutMs ?? RECEIVER_TIMEOUT_MS;
    this.post = options.fetch ?? fetch;
    projects.deliveryPlan = (notice, project) => this.plan(project);
    projects.onCommit((appId, project, now) => this.committed(appId, project, now));
  }

  /** Whether any notice can leave this sandbox at all. */
  get enabled(): boolean {
    return Boolean(this.options.url) || this.rules.length > 0;
  }

  /** Where a project's notices go, and what it may choose. */
  settings(project: Pick<ProjectState, 'webhook'> | null): DeliverySettings {
    const own = project?.webhook && !this.targetProblem(project.webhook) ? project.webhook : null;
    return {
      target: own ?? this.options.url ?? null,
      operatorTarget: !own && Boolean(this.options.url),
      configurable: this.rules.length > 0,
      allowed: this.rules.map((rule) => rule.text),
    };
  }

  /** Null when a project may send its notices to `text`; else what is wrong, in a sentence. */
  targetProblem(text: string): TargetProblem | null {
    if (this.rules.length === 0) {
      return { code: 'webhooks_disabled', message: 'This sandbox sends notifications to no server of yours: its operator allowed no webhook targets (SANDBOX_WEBHOOK_ALLOW). Watch them in the Events panel, or run the sandbox yourself with --webhook.' };
    }
    const url = parseUrl(text);
    if (!url || !/^https?:$/.test(url.protocol)) return { code: 'invalid_url', message: `"${text.slice(0, 200)}" is not an http(s) URL.` };
    if (url.username || url.password) return { code: 'invalid_url', message: 'A webhook URL must not carry a user name or password.' };
    const allowed = this.rules.some((rule) => url.origin === rule.origin && url.pathname.startsWith(rule.path));
    return allowed ? null : { code: 'target_not_allowed', message: `This sandbox delivers only to URLs under ${this.rules.map((rule) => rule.text).join(', ')}.` };
  }

  /** A new notice's delivery, when its project has a target. */
  private plan(project: ProjectState): Delivery | undefined {
    const target = this.settings(project).target;
    if (!target) return undefined;
    return { target, state: 'pending', attempts: [], nextAt: 0, owner: this.instance, leaseUntil: this.now() + LEASE_MS };
  }

  private committed(appId: string, project: ProjectState, now: number): void {
    if (this.closed || !this.enabled) return;
    const items = [...(project.events?.items ?? [])].sort((a, b) => a.seq - b.seq);
    for (const notice of items) {
      const delivery = notice.delivery;
      if (!delivery || delivery.state !== 'pending') continue;
      const mine = delivery.owner === this.instance || delivery.leaseUntil <= now;
      if (mine && (delivery.nextAt ?? 0) <= now) this.send(appId, project, notice, delivery);
    }
    this.schedule(appId, project, now);
  }

  /** Wake the project when its next notice, timeout or retry is due. */
  private schedule(appId: string, project: ProjectState, now: number): void {
    const times = [this.projects.wakeAt(project, now)];
    for (const notice of project.events?.items ?? []) {
      const delivery = notice.delivery;
      if (delivery?.state !== 'pending') continue;
      times.push(delivery.owner === this.instance ? delivery.nextAt ?? now : delivery.leaseUntil);
    }
    const due = times.filter((time): time is number => time !== undefined);
    const existing = this.timers.get(appId);
    if (!due.length) return;
    const at = Math.max(Math.min(...due), now + 50);
    if (existing && existing.at <= at && existing.at > now) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      this.timers.delete(appId);
      if (this.closed) return;
      // Release what fell due (a commit, which sends), then send due retries, which change nothing until sent.
      // A timer may also fire a moment before the wall clock reaches `at`: committed() schedules it again.
      const woken = this.projects.advance(appId, this.now()).then((project) => {
        if (project) this.committed(appId, project, this.now());
      });
      this.track(woken);
    }, at - now);
    // A sandbox with nothing else to do may still stop.
    timer.unref?.();
    this.timers.set(appId, { at, timer });
  }

  private send(appId: string, project: ProjectState, notice: StoredNotice, delivery: Delivery): void {
    const key = `${appId}:${notice.seq}`;
    if (this.sending.has(key)) return;
    this.sending.add(key);
    const secret = project.ncsSecret;
    const log = project.events!;
    const previous = this.queues.get(appId) ?? Promise.resolve();
    const turn: Promise<void> = previous
      .then(() => this.attempt(delivery.target, (notifyMs) => noticeBody(log, notice, notifyMs), secret))
      .then((result) => this.record(appId, notice.seq, result))
      .catch(() => undefined)
      .finally(() => {
        this.sending.delete(key);
        if (this.queues.get(appId) === turn) this.queues.delete(appId);
      });
    this.queues.set(appId, turn);
    this.track(turn);
  }

  private async attempt(target: string, body: (notifyMs: number) => NotificationBody, secret: string | undefined): Promise<{ attempt: Omit<DeliveryAttempt, 'n'>; notifyMs: number }> {
    const started = this.now();
    const notifyMs = started;
    const stillAllowed = target === this.options.url || !this.targetProblem(target);
    if (!secret || !stillAllowed) {
      return { attempt: { at: started, error: !secret ? 'the project has no NCS secret yet' : 'the target is no longer allowed by the operator', ms: 0 }, notifyMs };
    }
    const raw = JSON.stringify(body(notifyMs));
    const clock = performance.now();
    try {
      const answer = await this.post(target, {
        method: 'POST',
        headers: await notificationHeaders(raw, secret),
        body: raw,
        // A redirect is an answer other than 200, as for Agora; following it could reach anywhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      // Read only to check it is JSON; an answer past the cap is not inspected (null), rather than buffered.
      const text = await readBodyLimited(answer.body, { maxBytes: MAX_ANSWER_BYTES }).then(
        (bytes) => new TextDecoder().decode(bytes),
        () => null,
      );
      const ms = Math.round(performance.now() - clock);
      const note = answer.status === 200 && text !== null && !isJson(text) ? 'Answered 200 without a JSON body; Agora asks for one.' : undefined;
      return { attempt: { at: started, status: answer.status, ms, ...(note ? { note } : {}) }, notifyMs };
    } catch (error) {
      const ms = Math.round(performance.now() - clock);
      const name = (error as Error).name;
      const reason = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${this.timeoutMs / 1000} s` : describeNetworkError(error);
      return { attempt: { at: started, error: reason, ms }, notifyMs };
    }
  }

  /** Write an attempt into the notice: delivered on 200, failed after the last retry, else the next one scheduled. */
  private async record(appId: string, seq: number, result: { attempt: Omit<DeliveryAttempt, 'n'>; notifyMs: number }): Promise<void> {
    if (this.closed) return;
    const now = this.now();
    // Through the repository, so the next committed() call sees the attempt and schedules what follows;
    // a project deleted while its notice was on the way is not brought back by the record of it.
    await this.projects.updateIfPresent(appId, now, (project) => {
      const notice = project.events?.items.find((item) => item.seq === seq);
      const delivery = notice?.delivery;
      if (!notice || !delivery || delivery.state !== 'pending') return;
      const attempt: DeliveryAttempt = { n: delivery.attempts.length + 1, ...result.attempt };
      delivery.attempts.push(attempt);
      notice.notifyMs = result.notifyMs;
      delivery.owner = this.instance;
      delivery.leaseUntil = now + LEASE_MS;
      if (attempt.status === 200) {
        delivery.state = 'delivered';
        delete delivery.nextAt;
      } else if (delivery.attempts.length > this.delays.length) {
        delivery.state = 'failed';
        delete delivery.nextAt;
      } else {
        delivery.nextAt = now + this.delays[delivery.attempts.length - 1];
      }
      touchNotice(project, notice);
    });
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch(() => undefined);
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  /** Stop every timer and wait for the sends under way (a closing server). */
  async close(): Promise<void> {
    this.closed = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.inFlight]);
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return text.trim() !== '';
  } catch {
    return false;
  }
}

/** Node's fetch hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, a certificate). */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused (is your receiver running on that port?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code?.startsWith('CERT') || code?.includes('TLS') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT') return `the TLS certificate was refused (${code})`;
  return cause?.message ?? (error as Error).message ?? 'the request failed';
}
