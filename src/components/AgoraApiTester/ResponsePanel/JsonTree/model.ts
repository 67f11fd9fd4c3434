/**
 * The JSON tree's model, kept pure so it is cheap and testable: the body is
 * indexed once into a flat pre-order list of nodes (each knows its subtree's
 * end), and everything the view needs (which rows are visible, which nodes
 * match a search, where a match sits) is a walk or a binary search over it.
 */

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonNode {
  /** Position in pre-order; also the row's identity. */
  id: number;
  /** The parent's id, -1 for the root. */
  parent: number;
  depth: number;
  /** Property name, array index, or null for the root. */
  key: string | number | null;
  kind: JsonKind;
  /** A scalar as JSON shows it (strings quoted); empty for containers. */
  text: string;
  /** Direct children (keys or items). */
  size: number;
  /** One past the last id of this node's subtree: its descendants are `id + 1 … end - 1`. */
  end: number;
  /** 1-based place among its siblings, and how many siblings there are (for aria-posinset/-setsize). */
  position: number;
  siblings: number;
}

/** Above this many nodes a body counts as large: only its first levels open by default. */
export const LARGE_BODY_NODES = 300;
/** Levels open by default in a large body (the root and its children). */
export const LARGE_BODY_OPEN_DEPTH = 2;

function kindOf(value: unknown): JsonKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'object' ? 'object' : type === 'string' ? 'string' : type === 'number' ? 'number' : type === 'boolean' ? 'boolean' : 'null';
}

/** Index a parsed JSON value into pre-order nodes. Iterative, so a deep body cannot overflow the stack. */
export function indexJson(root: unknown): JsonNode[] {
  const nodes: JsonNode[] = [];
  // Each frame: the value, where it hangs, and the node id to close once its children are done.
  const stack: Array<{ value: unknown; parent: number; depth: number; key: string | number | null; position: number; siblings: number } | { close: number }> = [
    { value: root, parent: -1, depth: 0, key: null, position: 1, siblings: 1 },
  ];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ('close' in frame) {
      nodes[frame.close].end = nodes.length;
      continue;
    }
    const kind = kindOf(frame.value);
    const id = nodes.length;
    const entries: Array<[string | number, unknown]> =
      kind === 'array' ? (frame.value as unknown[]).map((item, index) => [index, item]) : kind === 'object' ? Object.entries(frame.value as object) : [];
    nodes.push({
      id,
      parent: frame.parent,
      depth: frame.depth,
      key: frame.key,
      kind,
      text: kind === 'object' || kind === 'array' ? '' : JSON.stringify(frame.value ?? null),
      size: entries.length,
      end: id + 1,
      position: frame.position,
      siblings: frame.siblings,
    });
    stack.push({ close: id });
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, value] = entries[index];
      stack.push({ value, parent: id, depth: frame.depth + 1, key, position: index + 1, siblings: entries.length });
    }
  }
  return nodes;
}

export function isContainer(node: JsonNode): boolean {
  return node.kind === 'object' || node.kind === 'array';
}

/** Which containers start open: all of a small body; the first levels of a large one, so rendering stays cheap. */
export function defaultExpanded(nodes: readonly JsonNode[]): Set<number> {
  const large = nodes.length > LARGE_BODY_NODES;
  return new Set(nodes.filter((node) => isContainer(node) && (!large || node.depth < LARGE_BODY_OPEN_DEPTH)).map((node) => node.id));
}

/** Every container, for "Expand all". */
export function allContainers(nodes: readonly JsonNode[]): Set<number> {
  return new Set(nodes.filter(isContainer).map((node) => node.id));
}

/** Ids of the rows on screen: every node whose ancestors are all expanded, in order. */
export function visibleRows(nodes: readonly JsonNode[], expanded: ReadonlySet<number>): number[] {
  const rows: number[] = [];
  let id = 0;
  while (id < nodes.length) {
    rows.push(id);
    const node = nodes[id];
    id = isContainer(node) && !expanded.has(id) ? node.end : id + 1;
  }
  return rows;
}

/** What a node shows of a scalar, inside the quotes for a string: what a search looks at and highlights. */
export function valueText(node: JsonNode): string {
  return node.kind === 'string' ? node.text.slice(1, -1) : node.text;
}

/**
 * Per node, the lower-cased text a search looks at: an object key and a
 * scalar's value (array indices are positions, not content). Built once per body.
 */
export function searchTexts(nodes: readonly JsonNode[]): string[] {
  return nodes.map((node) => `${typeof node.key === 'string' ? node.key : ''}\u0000${valueText(node)}`.toLowerCase());
}

/** Ids of the nodes whose key or value contains `query` (case-insensitive), in document order. */
export function findMatches(texts: readonly string[], query: string): number[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const ids: number[] = [];
  texts.forEach((text, id) => {
    if (text.includes(needle)) ids.push(id);
  });
  return ids;
}

/** The ids of a node's ancestors, nearest first. */
export function ancestors(nodes: readonly JsonNode[], id: number): number[] {
  const chain: number[] = [];
  for (let parent = nodes[id]?.parent ?? -1; parent >= 0; parent = nodes[parent].parent) chain.push(parent);
  return chain;
}

/** The first index in sorted `ids` that is >= `value`. */
function lowerBound(ids: readonly number[], value: number): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ids[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many of the (sorted) matches lie inside a node's subtree, below the node itself. */
export function matchesInside(node: JsonNode, matches: readonly number[]): number {
  return lowerBound(matches, node.end) - lowerBound(matches, node.id + 1);
}

/** `text` cut into plain and matching parts, for <mark>. */
export function highlightParts(text: string, query: string): Array<{ text: string; match: boolean }> {
  const needle = query.trim().toLowerCase();
  if (!needle) return [{ text, match: false }];
  const parts: Array<{ text: string; match: boolean }> = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length || parts.length === 0) parts.push({ text: text.slice(from), match: false });
  return parts;
}

/** What a container row says about its content: `{2 keys}`, `[300 items]`. */
export function summary(node: JsonNode): string {
  if (node.kind === 'array') return `[${node.size} ${node.size === 1 ? 'item' : 'items'}]`;
  return `{${node.size} ${node.size === 1 ? 'key' : 'keys'}}`;
}

/** The row to move to for a tree key (WAI-ARIA tree pattern), or undefined when the key does nothing there. */
export function moveFor(
  key: string,
  nodes: readonly JsonNode[],
  rows: readonly number[],
  expanded: ReadonlySet<number>,
  active: number,
): { focus?: number; toggle?: number } | undefined {
  const index = rows.indexOf(active);
  const node = nodes[active];
  switch (key) {
    case 'ArrowDown':
      return index < rows.length - 1 ? { focus: rows[index + 1] } : {};
    case 'ArrowUp':
      return index > 0 ? { focus: rows[index - 1] } : {};
    case 'Home':
      return { focus: rows[0] };
    case 'End':
      return { focus: rows[rows.length - 1] };
    case 'ArrowRight':
      if (!isContainer(node) || node.size === 0) return {};
      return expanded.has(active) ? { focus: active + 1 } : { toggle: active };
    case 'ArrowLeft':
      if (isContainer(node) && expanded.has(active)) return { toggle: active };
      return node.parent >= 0 ? { focus: node.parent } : {};
    case 'Enter':
    case ' ':
      return isContainer(node) ? { toggle: active } : {};
    default:
      return undefined;
  }
}
