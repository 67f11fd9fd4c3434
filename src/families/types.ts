/**
 * What a family folder exports (its `index.ts`), listed once in
 * `src/families/index.ts`. The catalog part (`catalog.yaml` beside it) is
 * found by the catalog build; everything the server needs is here.
 */
import type { SandboxFamily } from '../sandbox/family';

export interface FamilyModule {
  /** The folder name, equal to the catalog tag's `x-family`. */
  id: string;
  sandbox: SandboxFamily;
}
