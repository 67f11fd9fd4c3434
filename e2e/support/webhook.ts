/**
 * The webhook receiver e2e/events.spec.ts starts, one port above the server's:
 * playwright.config.ts allows it (SANDBOX_WEBHOOK_ALLOW), so a project may
 * choose it as its target, and nothing else.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const WEBHOOK_RECEIVER = `http://127.0.0.1:${E2E_PORT + 1}/hooks/`;
