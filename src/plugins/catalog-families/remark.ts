/**
 * Remark plugin for the docs: fails the build when a page's tester or
 * reference names an operation the catalog does not have (needs.ts). Elements
 * are found by their JSX name, as the docs write them. The page itself imports
 * nothing: each element loads its operation's chunk when shown.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { visit } from 'unist-util-visit';
import { checkCatalogElements, OPERATION_ATTRIBUTE, type AttributeValue, type CatalogElement } from './needs';

interface JsxAttribute {
  type: string;
  name?: string;
  value?: string | null | { value: string };
}

interface Node {
  type: string;
  name?: string | null;
  attributes?: JsxAttribute[];
  children?: Node[];
  position?: { start: { line: number; column: number } };
  value?: string;
  data?: unknown;
}

export interface Options {
  /** The manifest written by `npm run catalog`; read on every file, so the dev server sees catalog edits. */
  manifestFile?: string;
}

const DEFAULT_MANIFEST = fileURLToPath(new URL('../../catalog/gen/manifest.json', import.meta.url));
const NAMES = new Set(Object.keys(OPERATION_ATTRIBUTE));

function attributeValue(attribute: JsxAttribute): AttributeValue {
  const value = attribute.value;
  if (value === null || value === undefined) return true;
  return typeof value === 'string' ? value : { expression: value.value };
}

/** An unknown operation id fails the build naming the file. */
export default function catalogFamilies(options: Options = {}) {
  const manifestFile = options.manifestFile ?? DEFAULT_MANIFEST;
  return (tree: Node, file: { path?: string }): void => {
    const elements: CatalogElement[] = [];
    visit(tree as never, (node: Node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && NAMES.has(node.name)) {
        const attributes: Record<string, AttributeValue> = {};
        for (const attribute of node.attributes ?? []) {
          if (attribute.type === 'mdxJsxAttribute' && attribute.name) attributes[attribute.name] = attributeValue(attribute);
        }
        const start = node.position?.start;
        elements.push({ name: node.name, attributes, ...(start ? { place: `${start.line}:${start.column}` } : {}) });
      }
    });
    if (elements.length === 0) return;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { operations: Array<[string, string]> };
    const known = new Set(manifest.operations.map(([id]) => id));
    try {
      checkCatalogElements(elements, (id) => known.has(id));
    } catch (error) {
      throw new Error(`${file.path ?? 'MDX file'}: ${(error as Error).message}`);
    }
  };
}
