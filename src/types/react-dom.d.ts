// The react-dom entry points this repository calls, typed in one place because
// @types/react-dom is not among its dependencies (adding it would mean a new
// package for five signatures). Signatures as React 19 documents them.
declare module 'react-dom' {
  /** The tester renders an answer at once (useTester.ts). */
  export function flushSync<R>(fn: () => R): R;
  /** An island renders its live component into its own wrapper (src/components/Island). */
  export function createPortal(children: import('react').ReactNode, container: Element | DocumentFragment, key?: string | null): import('react').ReactPortal;
}

declare module 'react-dom/server' {
  export function renderToString(node: import('react').ReactNode): string;
}

declare module 'react-dom/client' {
  export interface Root {
    render(children: import('react').ReactNode): void;
    unmount(): void;
  }
  export interface RootOptions {
    onRecoverableError?: (error: unknown) => void;
  }
  export function createRoot(container: Element | DocumentFragment, options?: RootOptions): Root;
  export function hydrateRoot(container: Element | Document, initialChildren: import('react').ReactNode, options?: RootOptions): Root;
}
