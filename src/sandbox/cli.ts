/**
 * `npm run sandbox -- --port 4010 [--host 127.0.0.1] [--webhook URL]`: the
 * sandbox as a local server, for building an app against Agora's REST API
 * offline. State stays in the process unless SANDBOX_STORE names a Redis
 * (SANDBOX_STORE_PREFIX separates several sandboxes on one Redis). With
 * `--webhook` (or SANDBOX_WEBHOOK_URL) every project's notifications are
 * POSTed to that URL, signed, with Agora's retries.
 */
import { pathToFileURL } from 'node:url';
import { DEMO } from './demo';
import { startSandboxServer } from './serve';
import { createStore, describeStore, type KeyValueStore } from './store/index';

export { startSandboxServer } from './serve';

export interface CliOptions {
  port: number;
  host: string;
  /** Where every notification is POSTed (none: shown by GET /__sandbox/events only). */
  webhook?: string;
}

const USAGE = 'Usage: npm run sandbox -- [--port 4010] [--host 127.0.0.1] [--webhook http://127.0.0.1:8080/agora/notifications]';

/** Parse `--port N` / `--port=N` and `--host H`; throws with the usage line on anything else. */
export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 4010, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = inline ?? argv[++i];
    if (flag === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a number from 0 to 65535 (got "${value}"). ${USAGE}`);
      options.port = port;
    } else if (flag === '--webhook') {
      let url: URL | null = null;
      try {
        url = new URL(value ?? '');
      } catch {
        url = null;
      }
      if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`--webhook needs an http(s) URL, e.g. http://127.0.0.1:8080/agora/notifications (got "${value ?? ''}"). ${USAGE}`);
      options.webhook = url.href;
    } else if (flag === '--host') {
      if (!value) throw new Error(`--host needs a host name or address. ${USAGE}`);
      options.host = value;
    } else {
      throw new Error(`Unknown option "${argv[i]}". ${USAGE}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  let store: KeyValueStore;
  try {
    store = createStore(process.env.SANDBOX_STORE, { prefix: process.env.SANDBOX_STORE_PREFIX || undefined, token: process.env.SANDBOX_STORE_TOKEN });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  try {
    const webhook = options.webhook ?? (process.env.SANDBOX_WEBHOOK_URL?.trim() || undefined);
    const { url, close } = await startSandboxServer({ port: options.port, host: options.host, sandbox: { store, demoReset: true, webhooks: webhook ? { url: webhook } : undefined } });
    console.log(`Agora REST sandbox (an offline emulator, not Agora) listening on ${url}`);
    console.log(`  Customer ID:     ${DEMO.customerId}`);
    console.log(`  Customer Secret: ${DEMO.customerSecret}`);
    console.log(`  App ID:          ${DEMO.appId}`);
    console.log(`  Bearer token:    ${DEMO.token} (get-channel only)`);
    console.log(`  NCS secret:      ${DEMO.ncsSecret} (signs the demo project's notifications)`);
    console.log(`  State:           ${describeStore(process.env.SANDBOX_STORE)}`);
    console.log(
      webhook
        ? `  Notifications:   POSTed to ${webhook} (Agora-Signature / Agora-Signature-V2; 200 within 10 s, else three retries)`
        : `  Notifications:   curl -N -u ${DEMO.customerId}:${DEMO.customerSecret} ${url}/__sandbox/events   (or --webhook URL to have them POSTed)`,
    );
    console.log(`Try: curl -u ${DEMO.customerId}:${DEMO.customerSecret} "${url}/dev/v1/channel/${DEMO.appId}"`);
    // On one's own machine the demo project is one developer's, so it may be reset (a public deployment refuses).
    console.log(`Reset: curl -X POST -u ${DEMO.customerId}:${DEMO.customerSecret} ${url}/__sandbox/reset   A project of your own: curl -X POST ${url}/__sandbox/projects`);
    const stop = () => void close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'EADDRINUSE' ? ' The port is taken: pick another with --port.' : '';
    console.error(`Could not start the sandbox on ${options.host}:${options.port}: ${(error as Error).message}.${hint}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
