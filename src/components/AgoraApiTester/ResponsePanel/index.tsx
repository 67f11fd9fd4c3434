import React, { lazy, Suspense, useEffect, useRef } from 'react';
import clsx from 'clsx';
import { statusText, type Phase } from '../phase';
import { shownDetails, type ShownDetails } from './shownDetails';
import { TesterHeading } from '../headings';
import styles from './styles.module.css';

type DetailsComponent = typeof import('./Details').default;

// Once fetched, the details render directly: through `lazy` alone, the first answer would still suspend them for a tick.
let loaded: DetailsComponent | undefined;
const loadDetails = () => import('./Details').then((module) => (loaded = module.default));
const LazyDetails = lazy(() => import('./Details'));

/** Fetch the details' code ahead of the first answer (the warm-up calls it when the tester mounts). */
export function preloadDetails(): Promise<DetailsComponent> {
  return loadDetails();
}

/** Status (announced), then the answer's details: explanation, attempts, headers and body. */
export default function ResponsePanel({ phase, onDetailsShown }: { phase: Phase; onDetailsShown?: () => void }) {
  // The details' code is fetched while the first request is under way, so the answer does not wait for it.
  const sending = phase.kind === 'sending';
  useEffect(() => {
    if (sending) void loadDetails();
  }, [sending]);
  const result = phase.kind === 'done' ? phase.result : undefined;
  const shownRef = useRef<ShownDetails | undefined>(undefined);
  const shown = shownDetails(shownRef.current, phase);
  shownRef.current = shown;
  // Chosen when the details first show, then kept: moving from the lazy component to the loaded one later would
  // change the component's type, and React would rebuild the details on the next answer instead of updating them.
  const chosen = useRef<DetailsComponent | typeof LazyDetails | undefined>(undefined);
  if (shown) chosen.current ??= loaded ?? LazyDetails;
  const Details = chosen.current ?? LazyDetails;
  const tone = result ? (result.status < 300 ? styles.success : styles.error) : phase.kind === 'failed' ? styles.error : undefined;
  return (
    <section className={styles.panel} aria-label="Response">
      <TesterHeading className={styles.title}>Response</TesterHeading>
      <p role="status" aria-live="polite" aria-atomic="true" className={clsx(styles.status, tone)} data-phase={phase.kind}>
        {statusText(phase)}
      </p>
      {shown && (
        // Held: invisible and inert, but keeping its space (see shownDetails.ts); the same props, so the details do not re-render.
        // No key per answer: the next answer updates these elements in place.
        <div data-details={shown.held ? 'held' : 'shown'} data-answer={shown.answer} className={clsx(shown.held && styles.held)} aria-hidden={shown.held || undefined} inert={shown.held || undefined}>
          <Suspense fallback={null}>
            <Details phase={shown.phase} onShown={onDetailsShown} />
          </Suspense>
        </div>
      )}
    </section>
  );
}
