/**
 * Times and dates as the tester and the Events panel write them, formatted by
 * hand rather than with `toLocaleTimeString` / `toLocaleDateString`.
 *
 * Why: the first `Intl` formatting on a page builds the browser's locale data,
 * 14-18 ms on a desktop Chromium (about 55 ms on a phone-speed CPU, one
 * long task). The sandbox project's expiry date is written when a tester goes
 * live, and the first history row's time on the first Send, so both paid it
 * where the reader waits. The site is written in English, so English month
 * names and a 24-hour clock (unambiguous everywhere) read consistently with
 * the page. Both use the reader's own time zone, as the locale methods did.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const two = (n: number) => String(n).padStart(2, '0');

/** A time of day, `14:03:07` (history rows, notices, delivery attempts, quota resets). */
export function clockTime(at: number): string {
  const date = new Date(at);
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** A calendar day, `28 Dec 2026` (how long a sandbox project is kept). */
export function calendarDate(at: number): string {
  const date = new Date(at);
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}
