import { describe, expect, it, vi } from 'vitest';
import { calendarDate, clockTime } from './clock';

describe('clock', () => {
  // Built from local parts: the functions use the reader's time zone, whatever the test machine's is.
  const morning = new Date(2026, 0, 5, 9, 4, 7).getTime();
  const evening = new Date(2026, 11, 28, 23, 59, 0).getTime();

  it('writes a time of day on a 24-hour clock, two digits each', () => {
    expect(clockTime(morning)).toBe('09:04:07');
    expect(clockTime(evening)).toBe('23:59:00');
  });

  it('writes a day with the month in English', () => {
    expect(calendarDate(morning)).toBe('5 Jan 2026');
    expect(calendarDate(evening)).toBe('28 Dec 2026');
  });

  it('never calls the locale formatters (their first use on a page builds the locale data)', () => {
    const spies = (['toLocaleTimeString', 'toLocaleDateString', 'toLocaleString'] as const).map((name) => vi.spyOn(Date.prototype, name));
    try {
      clockTime(evening);
      calendarDate(evening);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
