import { isValidElement, type ReactNode } from 'react';

/** What a table holds, as far as its markup says without laying it out. */
export interface TableSize {
  /** Table rows, the header's included. */
  rows: number;
  /** Characters of text written directly in the markup (a component's own text is not seen). */
  chars: number;
}

/**
 * Counts the rows and text of a table from the React children that render it,
 * without rendering them: the server writes the result into the box's style,
 * so the browser can keep that much room for a table it has not laid out yet
 * (`content-visibility: auto`, see styles.module.css). Components are not
 * entered (a name cell's text is missed); the rows and the descriptions, which
 * are what make a table tall, are plain elements and strings in every table
 * of the site.
 */
export function tableSize(children: ReactNode): TableSize {
  const size = { rows: 0, chars: 0 };
  walk(children, size);
  return size;
}

function walk(node: ReactNode, size: TableSize): void {
  if (node === null || node === undefined || typeof node === 'boolean') return;
  if (typeof node === 'string' || typeof node === 'number') {
    size.chars += String(node).length;
    return;
  }
  if (Array.isArray(node)) {
    for (const child of node) walk(child as ReactNode, size);
    return;
  }
  if (!isValidElement(node)) return;
  const { type } = node;
  const props = node.props as { children?: ReactNode };
  // A host element or a fragment: its children are in its props. A component's are not until it renders.
  if (typeof type === 'string') {
    if (type === 'tr') size.rows += 1;
    walk(props.children, size);
  } else if (typeof type === 'symbol') {
    walk(props.children, size);
  }
}
