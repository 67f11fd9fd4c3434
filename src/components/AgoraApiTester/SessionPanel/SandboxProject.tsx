import React, { Suspense, useRef, useState } from 'react';
import { calendarDate } from '../clock';
import type { ProjectAction } from '../stores/projectActions';
import { useSandboxProject } from '../stores/sandboxProject';
import styles from './styles.module.css';

// The question and the actions load on the first click (interaction), not with the page.
const ProjectQuestion = React.lazy(() => import('./ProjectQuestion'));

/** Stand-ins as long as a real App ID (32 hex digits) and expiry date, for the room the pending line keeps. */
const ROOM_APP_ID = '0'.repeat(32);
const ROOM_EXPIRY = Date.UTC(2026, 11, 28);

/** A project's line: its App ID and when it expires. `room`: the hidden stand-in, whose App ID is no one's. */
function ProjectLine({ appId, expiresAt, notice, room = false }: { appId: string; expiresAt: number; notice?: string; room?: boolean }) {
  return (
    <p className={styles.projectLine}>
      <strong>Your sandbox project</strong>: App ID <code data-project-app-id={room ? undefined : true}>{appId}</code>
      {expiresAt > 0 && <> · kept until {calendarDate(expiresAt)} (a week after its last use)</>}.
      {notice && <span className={styles.projectNotice}> {notice}</span>}
    </p>
  );
}

/**
 * This browser's sandbox project in the session panel: its App ID and expiry
 * (or why the page uses the shared demo project), with Reset project and
 * Start over, each confirmed first. The panel that acted announces the result
 * (a polite live region) and keeps focus on the button that was pressed.
 */
export default function SandboxProject() {
  const [state, store] = useSandboxProject();
  const [asking, setAsking] = useState<ProjectAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const buttons = useRef<Partial<Record<ProjectAction, HTMLButtonElement | null>>>({});

  const run = async (action: ProjectAction) => {
    buttons.current[action]?.focus();
    setAsking(null);
    setBusy(true);
    setSaid(action === 'reset' ? 'Resetting your sandbox project…' : 'Getting a new sandbox project…');
    const { runAction } = await import('../stores/projectActions');
    const result = await runAction(store, action);
    setBusy(false);
    setSaid(result.message);
  };
  const ask = (action: ProjectAction) => {
    if (busy) return;
    // The shared demo project has nothing of this browser's to delete: getting a project of its own needs no question.
    if (action === 'start-over' && state.kind === 'shared') void run(action);
    else setAsking(action);
  };
  // `room`: the hidden stand-in the pending line keeps (no focus, no action, no place in `buttons`).
  const button = (action: ProjectAction, label: string, room: boolean) => (
    <button
      ref={room ? undefined : (element) => void (buttons.current[action] = element)}
      type="button"
      tabIndex={room ? -1 : undefined}
      className="button button--sm button--outline button--secondary"
      aria-disabled={busy || undefined}
      onClick={room ? undefined : () => ask(action)}
    >
      {label}
    </button>
  );
  const actions = (kind: 'ready' | 'shared', room = false) => (
    <div className={styles.projectActions}>
      {kind === 'ready' && button('reset', 'Reset project', room)}
      {button('start-over', kind === 'shared' ? 'Get your own project' : 'Start over', room)}
    </div>
  );
  return (
    <div className={styles.project}>
      {state.kind === 'pending' && (
        <div className={styles.pending}>
          <p className={styles.projectLine}>Getting your sandbox project…</p>
          {/* Holds the room the project's line and buttons take once it arrives, in the same words and width,
              so the form below does not jump down under the reader's eyes (or pointer) when it does. */}
          <div className={styles.room} aria-hidden="true" inert>
            <ProjectLine appId={ROOM_APP_ID} expiresAt={ROOM_EXPIRY} room />
            {actions('ready', true)}
          </div>
        </div>
      )}
      {state.kind === 'ready' && <ProjectLine appId={state.project.appId} expiresAt={state.project.expiresAt} notice={state.notice} />}
      {state.kind === 'shared' && <p className={styles.projectNotice}>{state.notice}</p>}
      {state.kind !== 'pending' && actions(state.kind)}
      {asking && (
        <Suspense fallback={null}>
          <ProjectQuestion
            action={asking}
            onConfirm={() => void run(asking)}
            onCancel={() => {
              buttons.current[asking]?.focus();
              setAsking(null);
            }}
          />
        </Suspense>
      )}
      <p role="status" className={styles.projectSaid}>
        {said}
      </p>
    </div>
  );
}
