/**
 * Which client a request comes from, for the per-client limits (the relay's
 * rate limit, the sandbox's projects per hour): the first of `headerNames`
 * present, its first comma-separated entry (a proxy chain's original client),
 * clipped so one client cannot write a large key. Which headers to trust is
 * each runtime's choice (the Node listener sets `x-client-ip` from the socket).
 */
export function clientKey(header: (name: string) => string | null | undefined, headerNames: readonly string[]): string {
  for (const name of headerNames) {
    const value = header(name);
    if (value) return value.split(',')[0].trim().slice(0, 64);
  }
  return 'unknown';
}
