/**
 * Server HTML left as it is: the two pieces an element needs to hydrate
 * without React rebuilding what the server wrote inside it (an island's shell,
 * a code block's highlighted lines).
 */
import { useSyncExternalStore } from 'react';

/** For `dangerouslySetInnerHTML`: left in place while unchanged, React never writes innerHTML again for the same object. */
export const KEEP_SERVER_HTML = { __html: '' };

const noSubscribe = () => () => {};

/** True while React hydrates server HTML (it reads the server snapshot then), false on a client-side mount. */
export function useHydrating(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => false,
    () => true,
  );
}
