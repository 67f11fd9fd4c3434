import React, { useEffect, useId, useRef } from 'react';
import { isContainer, matchesInside } from './model';
import Row from './Row';
import SearchBar from './SearchBar';
import { useJsonTree } from './useJsonTree';
import styles from './styles.module.css';

interface Props {
  /** A parsed JSON body. */
  value: unknown;
  /** Names the tree, e.g. "Response body". */
  label: string;
}

/**
 * A parsed JSON body as a foldable tree (the WAI-ARIA tree pattern: one Tab
 * stop, arrows to move, open and close), with find: the match count, next and
 * previous, highlighted matches, and folded containers opened around the
 * current match. Rows are one flat list, so a large body costs only its open rows.
 */
export default function JsonTree({ value, label }: Props) {
  const tree = useJsonTree(value);
  const baseId = useId();
  const treeRef = useRef<HTMLDivElement>(null);
  const rowId = (id: number) => `${baseId}-row-${id}`;
  const currentMatch = tree.current >= 0 ? tree.matches[tree.current] : -1;
  const query = tree.matches.length ? tree.query : '';
  const levelOffset = tree.hideRoot ? 1 : 0;

  useEffect(() => {
    if (!tree.target) return;
    const row = treeRef.current?.querySelector<HTMLElement>(`[id="${rowId(tree.target.id)}"]`);
    row?.scrollIntoView?.({ block: 'nearest' });
    if (tree.target.focus) row?.focus();
    // rowId only depends on baseId, which never changes.
  }, [tree.target]);

  return (
    <div className={styles.wrapper}>
      <SearchBar
        query={tree.query}
        onQuery={tree.setQuery}
        count={tree.matches.length}
        current={tree.current}
        onNext={tree.next}
        onPrevious={tree.previous}
        onExpandAll={tree.expandAll}
        onCollapseAll={tree.collapseAll}
      />
      <div
        ref={treeRef}
        role="tree"
        aria-label={label}
        className={styles.tree}
        onKeyDown={(event) => {
          if (event.altKey || event.ctrlKey || event.metaKey || event.target === event.currentTarget) return;
          if (tree.onKey(event.key)) event.preventDefault();
        }}
      >
        {tree.rows.map((id) => {
          const node = tree.nodes[id];
          const open = isContainer(node) && tree.expanded.has(id);
          return (
            <Row
              key={id}
              node={node}
              domId={rowId(id)}
              levelOffset={levelOffset}
              open={open}
              // Only matching rows get the query: typing re-renders them, not every open row.
              query={tree.matchSet.has(id) ? query : ''}
              current={id === currentMatch}
              tabbable={id === tree.active}
              hiddenMatches={isContainer(node) && !open && query ? matchesInside(node, tree.matches) : 0}
              onSelect={tree.select}
              onToggle={tree.toggle}
            />
          );
        })}
      </div>
    </div>
  );
}
