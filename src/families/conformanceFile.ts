/**
 * Reading a family's `conformance.yaml`, the one record that says whether the
 * family is brought to conformance (`enforced`) or still on its way
 * (`pending`). Both gates read it here: the comparison with Agora's published
 * OpenAPI (`conformance.test.ts`) and the check that every sandbox answer is
 * one the catalog documents (`responses.test.ts`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseConformanceRecord, type ConformanceRecord } from '../catalog/conformance';

/** Absolute path of a file in a family's folder. */
export const familyFile = (family: string, name: string): string => fileURLToPath(new URL(`./${family}/${name}`, import.meta.url));

/** The family's conformance record file. */
export const conformanceFileOf = (family: string): string => familyFile(family, 'conformance.yaml');

/** The family's record, or undefined when it has none (the guide's calls are not Agora's, so it has none). */
export function readConformanceRecord(family: string): ConformanceRecord | undefined {
  const file = conformanceFileOf(family);
  if (!existsSync(file)) return undefined;
  return parseConformanceRecord(parse(readFileSync(file, 'utf8')), file);
}
