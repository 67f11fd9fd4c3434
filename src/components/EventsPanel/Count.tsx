import React from 'react';
import { causedBy } from './notices';
import { useEvents } from './useEvents';
import styles from './styles.module.css';

/** How many notices this tester's calls caused, live (loaded after the tester's first sandbox call). */
export default function Count({ sandboxBase, entries }: { sandboxBase: string; entries: Parameters<typeof causedBy>[1] }) {
  const [{ notices }] = useEvents(sandboxBase);
  const count = causedBy(notices, entries);
  return (
    <span className={styles.count} data-events-count={count}>
      {count}
      <span className={styles.visuallyHidden}> caused by these calls</span>
    </span>
  );
}
