/**
 * The part of AbortSignal the relay uses (`aborted`, `reason`, abort
 * listeners), and a cheap one-shot implementation of it for the hot path.
 *
 * Why not AbortController: on Node 20 creating one costs several microseconds
 * (an EventTarget, internal bookkeeping, GC tracking) and each listener as much
 * again, and a relayed call used two of them plus three listeners: more CPU than
 * everything else the relay checks. The relay only ever needs "tell me once when
 * this is over", which is a flag and a short list.
 *
 * A real AbortSignal satisfies `AbortLike`, so Fetch runtimes pass their
 * request's signal unchanged; undici's `request` accepts any object with
 * add/removeEventListener as its `signal`; a Fetch upstream gets a real
 * AbortSignal through `toAbortSignal`.
 */

export interface AbortLike {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** A one-shot abort flag: `abort()` runs each listener once, in order; listeners added later never run (as with AbortSignal). */
export class Abort implements AbortLike {
  aborted = false;
  reason: unknown = undefined;
  // Usually zero or one listener: a plain array, no Set or Map per call.
  private listeners: Array<() => void> | null = null;

  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason ?? new DOMException('This operation was aborted', 'AbortError');
    const listeners = this.listeners;
    this.listeners = null;
    if (listeners) for (const listener of listeners) listener();
  }

  addEventListener(type: 'abort', listener: () => void): void {
    if (type !== 'abort' || this.aborted) return;
    const listeners = (this.listeners ??= []);
    // EventTarget ignores a listener added twice; so does this.
    if (!listeners.includes(listener)) listeners.push(listener);
  }

  removeEventListener(type: 'abort', listener: () => void): void {
    if (type !== 'abort' || !this.listeners) return;
    const index = this.listeners.indexOf(listener);
    if (index !== -1) this.listeners.splice(index, 1);
  }
}

/** A real AbortSignal following `signal` (a Fetch Request needs one); an AbortSignal is returned as it is. */
export function toAbortSignal(signal: AbortLike): AbortSignal {
  if (signal instanceof AbortSignal) return signal;
  const controller = new AbortController();
  if (signal.aborted) controller.abort(signal.reason);
  else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  return controller.signal;
}
