import React from 'react';
import { causedBy } from './notices';
import { useEvents } from './useEvents';
import styles from './styles.module.css';

/**
 * How many notices this tester's calls caused, among those the page has (loaded after the tester's first
 * sandbox call). It opens no stream of its own: a connection held for a number would cost the server one
 * per reader who ever pressed Send; it counts what an open Events panel brings, live while one is open.
 */
export default function Count({ sandboxBase, entries }: { sandboxBase: string; entries: Parameters<typeof causedBy>[1] }) {
  const [{ notices }] = useEvents(sandboxBase, false);
  const count = causedBy(notices, entries);
  return (
    <span className={styles.count} data-events-count={count}>
      {count}
      <span className={styles.visuallyHidden}> caused by these calls</span>
    </span>
  );
}
