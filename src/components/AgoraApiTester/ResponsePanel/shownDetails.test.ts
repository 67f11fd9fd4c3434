import { describe, expect, it } from 'vitest';
import type { Phase } from '../phase';
import { shownDetails, type ShownDetails } from './shownDetails';

const answer = (status: number): Extract<Phase, { kind: 'done' }> => ({
  kind: 'done',
  result: { status, statusText: 'OK', headers: {}, body: {}, durationMs: 1, sizeBytes: 2, attempts: [] } as never,
  explanation: null,
});
const sending: Phase = { kind: 'sending', startedAt: 0 };

describe('shownDetails', () => {
  it('shows nothing before the first answer, and nothing after the answer is cleared', () => {
    expect(shownDetails(undefined, { kind: 'idle' })).toBeUndefined();
    expect(shownDetails(undefined, sending)).toBeUndefined();
    const first = shownDetails(undefined, answer(200));
    expect(shownDetails(first, { kind: 'idle' })).toBeUndefined();
  });

  it('holds the last answer\'s details (same answer, same number) while the next request is under way', () => {
    const first = shownDetails(undefined, answer(200))!;
    expect(first).toMatchObject({ answer: 1, held: false });
    const held = shownDetails(first, sending)!;
    expect(held).toEqual({ phase: first.phase, answer: 1, held: true });
    // Still held on every render while sending (the elapsed time ticks).
    expect(shownDetails(held, sending)).toEqual(held);
  });

  it('numbers each new answer, and keeps its details across re-renders', () => {
    const first = shownDetails(undefined, answer(200))!;
    const held = shownDetails(first, sending)!;
    const next = answer(404);
    const second = shownDetails(held, next)!;
    expect(second).toEqual({ phase: next, answer: 2, held: false });
    expect(shownDetails(second, next)).toBe(second);
  });
});
