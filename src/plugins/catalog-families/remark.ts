/**
 * Remark plugin for the docs: a page that shows catalog operations imports
 * the catalog families it needs (src/catalog/gen/<family>), because the
 * client bundle carries no family by default (index.ts in this folder).
 * Elements are found by their JSX name, as the docs write them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { visit } from 'unist-util-visit';
import { catalogImports, catalogNeeds, EVERY_OPERATION, OPERATION_ATTRIBUTE, type AttributeValue, type CatalogElement } from './needs';

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
const NAMES = new Set([...Object.keys(OPERATION_ATTRIBUTE), ...EVERY_OPERATION]);

function attributeValue(attribute: JsxAttribute): AttributeValue {
  const value = attribute.value;
  if (value === null || value === undefined) return true;
  return typeof value === 'string' ? value : { expression: value.value };
}

/** `import '<source>';` as an MDX ESM node, with the estree the MDX compiler reads. */
function sideEffectImport(source: string): Node {
  const value = `import ${JSON.stringify(source)};`;
  return {
    type: 'mdxjsEsm',
    value,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [{ type: 'ImportDeclaration', specifiers: [], attributes: [], source: { type: 'Literal', value: source, raw: JSON.stringify(source) } }],
      },
    },
  };
}

/** Injects the family imports a page needs; an unknown operation id fails the build naming the file. */
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
    const familyOf = new Map(manifest.operations);
    let imports: string[];
    try {
      imports = catalogImports(catalogNeeds(elements, (id) => familyOf.get(id)));
    } catch (error) {
      throw new Error(`${file.path ?? 'MDX file'}: ${(error as Error).message}`);
    }
    tree.children = [...imports.map(sideEffectImport), ...(tree.children ?? [])];
  };
}
