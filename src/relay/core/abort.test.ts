import { Abort, toAbortSignal } from './abort';
import { utf8Length } from './sent';

describe('Abort (the relay\'s cheap abort flag)', () => {
  it('runs each listener once, in order, with the reason set; later aborts change nothing', () => {
    const abort = new Abort();
    const calls: string[] = [];
    const first = () => calls.push(`first ${String(abort.reason)}`);
    abort.addEventListener('abort', first);
    abort.addEventListener('abort', first); // ignored, as EventTarget does
    abort.addEventListener('abort', () => calls.push('second'));
    abort.abort('gone');
    abort.abort('again');
    expect(calls).toEqual(['first gone', 'second']);
    expect(abort.aborted).toBe(true);
    expect(abort.reason).toBe('gone');
  });

  it('never calls a removed listener, nor one added after the abort; the default reason is an AbortError', () => {
    const abort = new Abort();
    let called = 0;
    const listener = () => called++;
    abort.addEventListener('abort', listener);
    abort.removeEventListener('abort', listener);
    abort.abort();
    abort.addEventListener('abort', listener);
    expect(called).toBe(0);
    expect((abort.reason as DOMException).name).toBe('AbortError');
  });

  it('bridges to a real AbortSignal for Fetch upstreams, before or after the abort', () => {
    const abort = new Abort();
    const signal = toAbortSignal(abort);
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal.aborted).toBe(false);
    abort.abort('timeout');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('timeout');
    const late = new Abort();
    late.abort('early');
    expect(toAbortSignal(late).reason).toBe('early');
    const real = new AbortController().signal;
    expect(toAbortSignal(real)).toBe(real);
  });
});

describe('utf8Length', () => {
  it('counts what TextEncoder would write, surrogate pairs and lone surrogates included', () => {
    for (const text of ['', 'abc', 'é', '€', '😀', 'a😀b€', '\ud800', '\udc00x', '\ud800\ud800', `${'x'.repeat(100)}ü`]) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).byteLength);
    }
  });
});
