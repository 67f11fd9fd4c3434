import React from 'react';
import styles from './styles.module.css';

/** A list of constraint phrases; patterns and values in code font. */
export default function Constraints({ items }: { items: string[] }): React.JSX.Element | null {
  if (!items.length) return null;
  return (
    <ul className={styles.constraints}>
      {items.map((item) => {
        const match = /^(pattern|format|default|one of|always|each item: pattern) (.+)$/.exec(item);
        return (
          <li key={item}>
            {match ? (
              <>
                {match[1]} <code>{match[2]}</code>
              </>
            ) : (
              item
            )}
          </li>
        );
      })}
    </ul>
  );
}
