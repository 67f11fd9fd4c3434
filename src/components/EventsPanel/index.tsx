import React, { lazy, Suspense } from 'react';
import { SANDBOX_BASE_PATH } from '../../site/routes';
import { BrowserOnly, useBaseUrl } from '../AgoraApiTester/site';

const Panel = lazy(() => import('./Panel'));

/**
 * The full Events panel (every product), for the Sandbox page. It renders in
 * the browser only and loads its code when it mounts; the build renders the
 * fallback line. Its stream opens once the reader scrolls to it, so a visit
 * that never gets there holds no connection open.
 */
export default function EventsPanel() {
  const sandboxBase = useBaseUrl(SANDBOX_BASE_PATH);
  const fallback = <p>Loading the Events panel (it needs JavaScript)…</p>;
  return (
    <section aria-label="Events of your sandbox project">
      <BrowserOnly fallback={fallback}>
        {() => (
          <Suspense fallback={fallback}>
            <Panel sandboxBase={sandboxBase} whenVisible />
          </Suspense>
        )}
      </BrowserOnly>
    </section>
  );
}
