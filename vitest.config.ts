import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Tests that need a Redis: they run only in the `redis` project, which starts one. */
const REDIS_ONLY = ['src/sandbox/store/contract.test.ts', 'src/sandbox/twoProcess.test.ts', 'src/relay/adapters/cloudflare/workerd-shared.test.ts'];

// Two projects. `unit`: unit and component tests (component tests opt into
// jsdom with a `// @vitest-environment jsdom` docblock; everything else runs
// in Node), the sandbox on its in-memory store. `redis`: the sandbox suites
// again, on a real redis-server the project starts (src/testing/redisServer.ts),
// plus the store contract and the two-process test.
export default defineConfig({
  resolve: {
    // Docusaurus theme modules only exist inside a Docusaurus build; components
    // that import them get a plain stand-in under Vitest.
    alias: {
      '@theme/CodeBlock': fileURLToPath(new URL('./src/testing/docusaurus/CodeBlock.tsx', import.meta.url)),
      '@docusaurus/Link': fileURLToPath(new URL('./src/testing/docusaurus/Link.tsx', import.meta.url)),
      '@theme-original/CodeBlock/Content': fileURLToPath(new URL('./src/testing/docusaurus/CodeBlockContent.tsx', import.meta.url)),
      '@theme/prism-include-languages': fileURLToPath(new URL('./src/testing/docusaurus/prismIncludeLanguages.ts', import.meta.url)),
    },
  },
  test: {
    exclude: ['node_modules', 'build', '.docusaurus', 'e2e'],
    globals: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'examples/**/*.test.ts'],
          exclude: ['node_modules', 'build', '.docusaurus', 'e2e', ...REDIS_ONLY],
        },
      },
      {
        extends: true,
        test: {
          name: 'redis',
          include: ['src/sandbox/**/*.test.ts', 'src/families/**/sandbox.test.ts', 'src/families/**/events.test.ts', 'src/relay/adapters/cloudflare/workerd-shared.test.ts'],
          // src/sandbox/store/testing.ts reads it: every test sandbox gets a Redis store with a prefix of its own.
          env: { SANDBOX_TEST_STORE: 'redis' },
          globalSetup: ['src/testing/redisServer.ts'],
        },
      },
    ],
  },
});
