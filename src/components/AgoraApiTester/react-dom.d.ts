/**
 * The one part of react-dom the tester calls itself (useTester.ts renders an
 * answer at once with `flushSync`). The project has no @types/react-dom; this
 * declares that function as React 19 ships it, rather than adding a package.
 */
declare module 'react-dom' {
  export function flushSync<R>(fn: () => R): R;
}
