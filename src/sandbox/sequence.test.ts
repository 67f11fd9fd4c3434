import { staleSequence } from './sequence';

describe('update ordering', () => {
  it('accepts a number greater than the last one, starting from 0', () => {
    expect(staleSequence(0, -1)).toBeNull();
    expect(staleSequence(5, 2)).toBeNull();
  });
  it('refuses an equal or smaller number and says what to send', () => {
    expect(staleSequence(2, 2)).toBe('must be greater than the last accepted sequence 2 (got 2). Send 3 or more.');
    expect(staleSequence(-1, -1)).toBe('must be 0 or more (got -1).');
    expect(staleSequence(1, 4, '01')).toBe('must be greater than the last accepted sequence 4 (got 01). Send 5 or more.');
  });
});
