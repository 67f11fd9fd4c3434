/**
 * The catalog's source files on disk (Node only): the engine's base and every
 * family folder's `catalog.yaml`. Read by the build script and by tests; the
 * browser only ever sees the composed JSON.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CatalogBase, CatalogPart, SourcedPart } from './compose';

function readYaml<T>(root: string, file: string): T {
  try {
    return parse(readFileSync(join(root, file), 'utf8'), { prettyErrors: true }) as T;
  } catch (error) {
    throw new Error(`${file} is not valid YAML: ${(error as Error).message}`);
  }
}

/** `src/catalog/base.yaml`. */
export function readCatalogBase(root: string): CatalogBase {
  return readYaml<CatalogBase>(root, 'src/catalog/base.yaml');
}

/** Every `src/families/<family>/catalog.yaml`; a part's `x-family` must equal its folder's name. */
export function readFamilyParts(root: string): SourcedPart[] {
  const dir = join(root, 'src/families');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'catalog.yaml')))
    .map((entry) => {
      const source = `src/families/${entry.name}/catalog.yaml`;
      const part = readYaml<CatalogPart>(root, source);
      if (part.tag?.['x-family'] !== entry.name) {
        throw new Error(`${source}: tag.x-family must be "${entry.name}", the folder's name.`);
      }
      return { source, part };
    });
}
