import { defineConfig } from 'vitest/config';

// Unit and component tests. Component tests opt into jsdom with a
// `// @vitest-environment jsdom` docblock; everything else runs in Node.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules', 'build', '.docusaurus', 'e2e'],
    globals: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
