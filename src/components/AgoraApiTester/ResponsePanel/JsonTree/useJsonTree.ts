/**
 * The JSON tree's state: which containers are open, which row holds the
 * keyboard (roving tabindex), and the search (query, matches, the current one).
 * A new body starts afresh (its default folding, no search): the panel draws
 * the next answer over the last one's tree rather than building a new one.
 * Jumping to a match opens the containers around it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { allContainers, ancestors, defaultExpanded, findMatches, indexJson, isContainer, moveFor, searchTexts, visibleRows } from './model';

export function useJsonTree(value: unknown) {
  const nodes = useMemo(() => indexJson(value), [value]);
  const texts = useMemo(() => searchTexts(nodes), [nodes]);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => defaultExpanded(nodes));
  const [active, setActive] = useState(0);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  // A row to bring into view (and focus, when the keyboard moved there) after the next render.
  const [target, setTarget] = useState<{ id: number; focus: boolean } | null>(null);
  const [shownNodes, setShownNodes] = useState(nodes);
  if (shownNodes !== nodes) {
    setShownNodes(nodes);
    setExpanded(defaultExpanded(nodes));
    setActive(0);
    setCurrent(0);
    setQuery('');
    setTarget(null);
  }

  // A container root is not a row of its own: its members are the top level.
  const hideRoot = isContainer(nodes[0]) && nodes[0].size > 0;
  const rows = useMemo(() => {
    const all = visibleRows(nodes, new Set([...expanded, 0]));
    return hideRoot ? all.slice(1) : all;
  }, [nodes, expanded, hideRoot]);
  const activeRow = rows.includes(active) ? active : rows[0];

  // Searching is a scan of prepared strings (a few ms for thousands of nodes); rendering is the cost, kept low in JsonTree.
  const matches = useMemo(() => findMatches(texts, query), [texts, query]);
  const matchSet = useMemo(() => new Set(matches), [matches]);

  const reveal = useCallback(
    (id: number) =>
      setExpanded((open) => {
        const closed = ancestors(nodes, id).filter((parent) => !open.has(parent));
        return closed.length ? new Set([...open, ...closed]) : open;
      }),
    [nodes],
  );

  const goTo = useCallback(
    (index: number) => {
      if (matches.length === 0) return;
      const wrapped = (index + matches.length) % matches.length;
      setCurrent(wrapped);
      reveal(matches[wrapped]);
      setActive(matches[wrapped]);
      setTarget({ id: matches[wrapped], focus: false });
    },
    [matches, reveal],
  );

  // A new query shows its first match.
  useEffect(() => {
    setCurrent(0);
    if (matches.length > 0) goTo(0);
    // Only when the matches themselves change, not on every new goTo.
  }, [matches]);

  const toggle = useCallback((id: number) => {
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  /** A key pressed on a row; true when the tree handled it. */
  const onKey = useCallback(
    (key: string): boolean => {
      const move = moveFor(key, nodes, rows, expanded, activeRow);
      if (!move) return false;
      if (move.toggle !== undefined) toggle(move.toggle);
      if (move.focus !== undefined && rows.includes(move.focus)) {
        setActive(move.focus);
        setTarget({ id: move.focus, focus: true });
      }
      return true;
    },
    [nodes, rows, expanded, activeRow, toggle],
  );

  return {
    nodes,
    rows,
    expanded,
    active: activeRow,
    hideRoot,
    query,
    setQuery,
    matches,
    current: matches.length ? Math.min(current, matches.length - 1) : -1,
    matchSet,
    next: () => goTo(current + 1),
    previous: () => goTo(current - 1),
    expandAll: () => setExpanded(allContainers(nodes)),
    collapseAll: () => setExpanded(new Set([0])),
    toggle,
    select: setActive,
    onKey,
    target,
  };
}
