import { describe, expect, it } from 'vitest';
import { dueAtOnce, hashTarget, NEAR_MARGIN, TOUCH_EVENTS } from './triggers';

describe('hashTarget', () => {
  it('reads an element id from a hash, decoded', () => {
    expect(hashTarget('#start-recording')).toBe('start-recording');
    expect(hashTarget('#caf%C3%A9')).toBe('café');
    expect(hashTarget('start-recording-endpoint')).toBe('start-recording-endpoint');
  });
  it('is undefined for no hash and for a share link (`try=…`)', () => {
    expect(hashTarget('')).toBeUndefined();
    expect(hashTarget('#')).toBeUndefined();
    expect(hashTarget('#try=1.eyJvIjoiYSJ9')).toBeUndefined();
  });
  it('keeps a hash that is not valid percent-encoding as written', () => {
    expect(hashTarget('#50%')).toBe('50%');
  });
});

describe('dueAtOnce', () => {
  const none = { hash: '', holds: () => false, focused: false };
  it('waits when nothing addresses the island', () => {
    expect(dueAtOnce(none)).toBe(false);
    expect(dueAtOnce({ ...none, hash: '#elsewhere' })).toBe(false);
  });
  it('is due when the hash names an element inside it', () => {
    expect(dueAtOnce({ ...none, hash: '#start-recording-endpoint', holds: (id) => id === 'start-recording-endpoint' })).toBe(true);
  });
  it('is due when its owner recognises the hash', () => {
    expect(dueAtOnce({ ...none, hash: '#try=x', addressedBy: (hash) => hash === '#try=x' })).toBe(true);
    expect(dueAtOnce({ ...none, hash: '#try=y', addressedBy: (hash) => hash === '#try=x' })).toBe(false);
  });
  it('is due when focus is already inside it', () => {
    expect(dueAtOnce({ ...none, focused: true })).toBe(true);
  });
});

describe('triggers', () => {
  it('start before the first keystroke or click lands: pointer and focus events, not just the click', () => {
    expect(TOUCH_EVENTS).toEqual(expect.arrayContaining(['pointerdown', 'focusin', 'keydown', 'pointerenter']));
    expect(TOUCH_EVENTS).not.toContain('click');
  });
  it('look a whole viewport height ahead, above and below', () => {
    expect(NEAR_MARGIN).toBe('100% 0px 100% 0px');
  });
});
