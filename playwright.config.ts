import { defineConfig, devices } from '@playwright/test';
import { E2E_PORT, WEBHOOK_RECEIVER } from './e2e/support/webhook';

// End-to-end tests run against the production build served by the production
// server (static build + relay + sandbox), the same thing users get.
const port = E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

// scripts/test.mjs finds (or installs) a Chromium and passes it here, so no
// Playwright browser download is needed.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || undefined;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // E2E_SERVER_COMMAND lets a developer point the suite at another server
    // (for example `docusaurus serve --dir <build>`); CI always uses npm run serve.
    command: process.env.E2E_SERVER_COMMAND ?? 'npm run serve',
    url: baseURL,
    // Every browser test reaches the relay from 127.0.0.1, so they all share one
    // per-client budget; raise it so parallel workers cannot trip it. The limit
    // itself is covered by the relay's unit tests. Likewise every browser context gets a sandbox project of its
    // own from the same address, so the per-client project limit is raised (covered by src/sandbox/projects.test.ts).
    // A project may POST its notices to the receiver events.spec.ts starts, and nowhere else.
    env: { PORT: String(port), RELAY_RATE_LIMIT: '600', SANDBOX_PROJECTS_PER_HOUR: '2000', SANDBOX_WEBHOOK_ALLOW: WEBHOOK_RECEIVER },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
