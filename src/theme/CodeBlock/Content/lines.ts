/**
 * The highlighted code lines (./Live.tsx: Prism and the theme's lines), loaded
 * once per page life, on demand. A component that renders code blocks in the
 * browser (an island's reference section) loads them with its own code, so its
 * blocks are highlighted the moment it shows; anything else gets them at its
 * first render and shows the code unhighlighted until then.
 */
import type { ComponentType } from 'react';
import type { Props } from '@theme/CodeBlock/Content';

let lines: ComponentType<Props> | undefined;
let loading: Promise<ComponentType<Props>> | undefined;

/** The lines' component, when its chunk has arrived. */
export function loadedLines(): ComponentType<Props> | undefined {
  return lines;
}

/** Loads the lines' chunk (once; again after a failure, so a later render can retry). */
export function loadCodeLines(): Promise<ComponentType<Props>> {
  loading ??= import(/* webpackChunkName: "prism-lines", webpackPrefetch: true */ './Live').then(
    (module) => (lines = module.default),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
