/**
 * Which catalog families an MDX page needs, from the JSX elements it uses.
 * Pure: the remark plugin (remark.ts) collects the elements and turns the
 * answer into imports of src/catalog/gen/<family> (each of which loads the
 * families it depends on itself).
 */

/** Components that show one operation, with the attribute naming it. */
export const OPERATION_ATTRIBUTE: Readonly<Record<string, string>> = {
  AgoraApiTester: 'endpoint',
  OperationReference: 'id',
};

/** Components that list every operation of every family. */
export const EVERY_OPERATION: readonly string[] = ['OperationIndex', 'SandboxStatusTable'];

/** An attribute as MDX gives it: a literal string, `true` when bare, or an expression's source. */
export type AttributeValue = string | true | { expression: string };

export interface CatalogElement {
  name: string;
  attributes: Readonly<Record<string, AttributeValue>>;
  /** Where it is, for error messages (`12:1`). */
  place?: string;
}

export interface CatalogNeeds {
  /** Families named by the page's elements, in order of first use. */
  families: string[];
  /** True when an element lists every operation: the page needs every family. */
  every: boolean;
}

/**
 * The families `elements` need. Throws one error listing every element that
 * names no known operation, so a typo fails the build instead of the page.
 */
export function catalogNeeds(elements: readonly CatalogElement[], familyOf: (id: string) => string | undefined): CatalogNeeds {
  const families: string[] = [];
  const problems: string[] = [];
  let every = false;
  for (const element of elements) {
    if (EVERY_OPERATION.includes(element.name)) {
      every = true;
      continue;
    }
    const attribute = OPERATION_ATTRIBUTE[element.name];
    if (!attribute) continue;
    const value = element.attributes[attribute];
    const at = element.place ? ` (${element.place})` : '';
    if (typeof value !== 'string') {
      problems.push(`<${element.name}>${at} needs ${attribute}="<operation id>" as a plain string, so the build can tell which catalog family the page loads.`);
      continue;
    }
    const family = familyOf(value);
    if (!family) {
      problems.push(`<${element.name} ${attribute}="${value}">${at} names no catalog operation; check the id in src/families/*/catalog.yaml.`);
    } else if (!families.includes(family)) {
      families.push(family);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return { families, every };
}

/** The modules a page imports for `needs`: every family, or each named one. */
export function catalogImports(needs: CatalogNeeds): string[] {
  if (needs.every) return ['@site/src/catalog/gen/every'];
  return needs.families.map((family) => `@site/src/catalog/gen/${family}`);
}
