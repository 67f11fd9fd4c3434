/**
 * Checks the catalog operations an MDX page names, from the JSX elements it
 * uses. Pure: the remark plugin (remark.ts) collects the elements. The page
 * imports no catalog data itself: each element loads its operation when it
 * is shown (src/components/Island, src/catalog/load.ts), so this check is
 * what still fails the build on a typo instead of the page.
 */

/** Components that show one operation, with the attribute naming it. */
export const OPERATION_ATTRIBUTE: Readonly<Record<string, string>> = {
  AgoraApiTester: 'endpoint',
  OperationReference: 'id',
};

/** An attribute as MDX gives it: a literal string, `true` when bare, or an expression's source. */
export type AttributeValue = string | true | { expression: string };

export interface CatalogElement {
  name: string;
  attributes: Readonly<Record<string, AttributeValue>>;
  /** Where it is, for error messages (`12:1`). */
  place?: string;
}

/**
 * Throws one error listing every element that names no known operation (or
 * names it with an expression the build cannot read); returns the ids named.
 */
export function checkCatalogElements(elements: readonly CatalogElement[], isOperation: (id: string) => boolean): string[] {
  const ids: string[] = [];
  const problems: string[] = [];
  for (const element of elements) {
    const attribute = OPERATION_ATTRIBUTE[element.name];
    if (!attribute) continue;
    const value = element.attributes[attribute];
    const at = element.place ? ` (${element.place})` : '';
    if (typeof value !== 'string') {
      problems.push(`<${element.name}>${at} needs ${attribute}="<operation id>" as a plain string, so the build can check the operation exists.`);
    } else if (!isOperation(value)) {
      problems.push(`<${element.name} ${attribute}="${value}">${at} names no catalog operation; check the id in src/families/*/catalog.yaml.`);
    } else if (!ids.includes(value)) {
      ids.push(value);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return ids;
}
