import React, { useRef } from 'react';
import { useViewPrefs } from '../stores/viewPrefs';
import styles from './styles.module.css';

/**
 * "Wide" on or off for every tester in the tab: the docs column takes the
 * table of contents' room (src/css/custom.css reads `data-tester-wide`). The
 * page reflows, so the button is kept where it was on screen, under the
 * reader's pointer or focus.
 */
export default function WideToggle() {
  const [{ wide }, setPrefs] = useViewPrefs();
  const ref = useRef<HTMLButtonElement>(null);
  const toggle = () => {
    const before = ref.current?.getBoundingClientRect().top;
    setPrefs({ wide: !wide });
    requestAnimationFrame(() => {
      const after = ref.current?.getBoundingClientRect().top;
      if (before !== undefined && after !== undefined) window.scrollBy({ top: after - before, behavior: 'instant' });
    });
  };
  return (
    <button ref={ref} type="button" className={styles.toggle} aria-pressed={wide} onClick={toggle} title="Give the tester the full width of the page">
      Wide layout
    </button>
  );
}
