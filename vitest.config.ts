import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit and component tests. Component tests opt into jsdom with a
// `// @vitest-environment jsdom` docblock; everything else runs in Node.
export default defineConfig({
  resolve: {
    // Docusaurus theme modules only exist inside a Docusaurus build; components
    // that import them get a plain stand-in under Vitest.
    alias: {
      '@theme/CodeBlock': fileURLToPath(new URL('./src/testing/docusaurus/CodeBlock.tsx', import.meta.url)),
      '@docusaurus/Link': fileURLToPath(new URL('./src/testing/docusaurus/Link.tsx', import.meta.url)),
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules', 'build', '.docusaurus', 'e2e'],
    globals: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
