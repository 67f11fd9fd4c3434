/**
 * The page's Events stream as React state: watched while the calling
 * component is mounted, on this browser's sandbox project (the shared demo
 * project when it has none), with the project's credentials in the
 * Authorization header.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { authorizationHeader } from '../../request/apiRequest';
import { projectCredentials, useSandboxProject } from '../AgoraApiTester/stores/sandboxProject';
import { useStore } from '../AgoraApiTester/stores/createStore';
import { pageEvents, type EventsState, type EventsStore, type StreamAuth } from './store';

/** False while the tab is hidden: a stream nobody can see is closed, and resumed (Last-Event-ID) when the tab is back. */
function useTabVisible(): boolean {
  const [visible, setVisible] = useState(() => typeof document === 'undefined' || document.visibilityState !== 'hidden');
  useEffect(() => {
    const follow = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', follow);
    return () => document.removeEventListener('visibilitychange', follow);
  }, []);
  return visible;
}

/**
 * The notices of this browser's sandbox project, live; `sandboxBase` is where
 * the site mounts the sandbox. `enabled` false holds the stream back (a panel
 * not scrolled to yet) without forgetting what the page has.
 */
export function useEvents(sandboxBase: string, enabled = true): [EventsState, EventsStore['setTarget']] {
  const [project, projects] = useSandboxProject();
  const store = pageEvents(sandboxBase, () => void projects.recheck());
  const auth = useMemo<StreamAuth | undefined>(() => {
    if (project.kind === 'pending') return undefined;
    const fields = projectCredentials(project.kind === 'ready' ? project.project : undefined);
    return {
      key: project.kind === 'ready' ? project.project.appId : 'demo',
      authorization: authorizationHeader({ kind: 'basic', customerId: fields.customerId, customerSecret: fields.customerSecret }),
    };
  }, [project]);

  // The Sandbox page may have no tester to ask for the project.
  useEffect(() => {
    void projects.ensure(sandboxBase);
  }, [projects, sandboxBase]);

  // Watch for as long as this component shows notices; a later project (Start over) moves the stream to it.
  const authRef = useRef(auth);
  authRef.current = auth;
  const visible = useTabVisible();
  useEffect(() => (visible && enabled ? store.watch(authRef.current) : undefined), [store, visible, enabled]);
  useEffect(() => {
    store.use(auth);
  }, [store, auth]);
  return [useStore(store), store.setTarget];
}
