/**
 * Quoting for POSIX shells (bash, zsh, sh). Everything user-controlled goes
 * into single quotes: inside them `$`, backticks, `!`, `\` and newlines are
 * literal, so nothing expands, even when pasted into an interactive shell.
 */

/** `it's` -> `'it'\''s'`: close the quote, add an escaped quote, reopen. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
