/**
 * Test helper: a Fetch handler that answers with what it received, so a test
 * can compare the bytes a snippet sent with the ApiRequest it was built from.
 */
export interface Echo {
  method: string;
  /** Path and query exactly as they arrived (percent-encoded). */
  target: string;
  headers: Record<string, string>;
  body: string;
}

export async function echoHandler(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const echo: Echo = {
    method: request.method,
    target: `${url.pathname}${url.search}`,
    headers: Object.fromEntries(request.headers),
    body: await request.text(),
  };
  return new Response(JSON.stringify(echo), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
