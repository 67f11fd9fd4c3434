import React, { memo } from 'react';
import clsx from 'clsx';
import { highlightParts, isContainer, summary, valueText, type JsonNode } from './model';
import styles from './styles.module.css';

function Marked({ text, query, current }: { text: string; query: string; current: boolean }) {
  return (
    <>
      {highlightParts(text, query).map((part, index) =>
        part.match ? (
          <mark key={index} className={clsx(styles.mark, current && styles.currentMark)}>
            {part.text}
          </mark>
        ) : (
          <React.Fragment key={index}>{part.text}</React.Fragment>
        ),
      )}
    </>
  );
}

const VALUE_CLASS: Record<JsonNode['kind'], string | undefined> = {
  string: styles.string,
  number: styles.literal,
  boolean: styles.literal,
  null: styles.literal,
  object: undefined,
  array: undefined,
};

interface Props {
  node: JsonNode;
  domId: string;
  /** 0 when the root is shown as a row, 1 when its members are the top level. */
  levelOffset: number;
  open: boolean;
  /** The search to highlight ('' for none). */
  query: string;
  current: boolean;
  tabbable: boolean;
  /** Matches inside this folded container. */
  hiddenMatches: number;
  onSelect: (id: number) => void;
  onToggle: (id: number) => void;
}

/**
 * One row of the tree. Memoised: moving to the next match or folding one
 * container re-renders the rows that changed, not the thousands around them.
 */
function Row({ node, domId, levelOffset, open, query, current, tabbable, hiddenMatches, onSelect, onToggle }: Props) {
  const container = isContainer(node);
  const foldable = container && node.size > 0;
  return (
    <div
      id={domId}
      role="treeitem"
      aria-level={node.depth + 1 - levelOffset}
      aria-setsize={node.siblings}
      aria-posinset={node.position}
      aria-expanded={foldable ? open : undefined}
      tabIndex={tabbable ? 0 : -1}
      className={clsx(styles.row, current && styles.currentRow)}
      style={{ '--depth': node.depth - levelOffset } as React.CSSProperties}
      onFocus={() => onSelect(node.id)}
      onClick={() => {
        onSelect(node.id);
        if (foldable) onToggle(node.id);
      }}
    >
      <span className={styles.twisty} aria-hidden="true">
        {foldable ? (open ? '▾' : '▸') : ''}
      </span>
      {typeof node.key === 'string' && (
        <span className={styles.key}>
          <Marked text={node.key} query={query} current={current} />
        </span>
      )}
      {typeof node.key === 'number' && <span className={styles.index}>{node.key}</span>}
      {node.key !== null && ': '}
      {container ? (
        <span className={styles.summary}>{summary(node)}</span>
      ) : (
        <span className={VALUE_CLASS[node.kind]}>
          {node.kind === 'string' && '"'}
          <Marked text={valueText(node)} query={query} current={current} />
          {node.kind === 'string' && '"'}
        </span>
      )}
      {hiddenMatches > 0 && (
        <span className={styles.hiddenMatches}>
          {' '}
          · {hiddenMatches} {hiddenMatches === 1 ? 'match' : 'matches'} inside
        </span>
      )}
    </div>
  );
}

export default memo(Row);
