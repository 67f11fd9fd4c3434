#!/usr/bin/env tsx
// Composes the catalog: src/catalog/base.yaml plus every family's part
// (src/families/<family>/catalog.yaml) into one OpenAPI 3.1 document. Every
// runtime (webpack, Vitest, tsx, serverless bundlers) reads JSON natively, so
// the result is written as JSON for the code (src/catalog/openapi.gen.json),
// as downloads (static/openapi.json, static/openapi.yaml, and a Postman
// collection with its environments under static/postman/), as the reference
// pages (docs/reference/<page>/: an overview and a page per operation), and split for the
// browser into src/catalog/gen/ (a manifest plus one module per family, so a
// page carries only the families it shows; see src/catalog/split.ts) with each
// operation's request checks compiled ahead of time (src/catalog/checksCode.ts). All are gitignored.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { composeCatalog } from '../src/catalog/compose';
import { readCatalogBase, readFamilyParts } from '../src/catalog/sources';
import { splitFiles } from '../src/catalog/split';
import { checkLoadersText, checksModuleText } from '../src/catalog/checksCode';
import { familyReferenceFiles, GENERATED_MARKER } from '../src/components/OperationReference/referencePage';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The precompiled checks' files in src/catalog/gen/, written once the catalog can be read. */
const isChecksFile = (file: string) => file === 'checks.ts' || file.startsWith('checks/');

function write(file: string, content: string): void {
  const target = join(root, file);
  mkdirSync(dirname(target), { recursive: true });
  // Skip identical writes so the dev server does not rebuild for nothing.
  if (existsSync(target) && readFileSync(target, 'utf8') === content) return;
  writeFileSync(target, content);
}

try {
  const parts = readFamilyParts(root);
  const doc = composeCatalog(readCatalogBase(root), parts);
  const json = JSON.stringify(doc, null, 2) + '\n';
  write('src/catalog/openapi.gen.json', json);
  const gen = splitFiles(doc, parts);
  for (const [name, text] of Object.entries(gen)) write(`src/catalog/gen/${name}`, text);
  // A family removed or renamed leaves no module behind for a page to import (the checks are written below).
  for (const name of readdirSync(join(root, 'src/catalog/gen'), { recursive: true, encoding: 'utf8' })) {
    const path = join(root, 'src/catalog/gen', name);
    const file = name.split(sep).join('/');
    if (!(file in gen) && !isChecksFile(file) && statSync(path).isFile()) rmSync(path);
  }
  write('static/openapi.json', json);
  write('static/openapi.yaml', `# Generated from src/catalog/base.yaml and src/families/*/catalog.yaml.\n${stringify(doc, { lineWidth: 0 })}`);
  // Imported only now: the reference pages and the Postman generator read the catalog through
  // src/catalog, which loads the files written above (absent on a fresh clone).
  const { operationsByFamily, listOperations } = await import('../src/catalog/index');
  // Each operation's request checks, compiled ahead of time for the browser (src/catalog/checks.ts).
  const checks: Record<string, string> = { 'checks.ts': checkLoadersText(listOperations().map((op) => op.id)) };
  for (const op of listOperations()) checks[`checks/${op.id}.ts`] = checksModuleText(op);
  for (const [name, text] of Object.entries(checks)) write(`src/catalog/gen/${name}`, text);
  for (const name of readdirSync(join(root, 'src/catalog/gen/checks'), { encoding: 'utf8' })) {
    if (!(`checks/${name}` in checks)) rmSync(join(root, 'src/catalog/gen/checks', name));
  }
  const pages: Record<string, string> = {};
  for (const family of operationsByFamily()) Object.assign(pages, familyReferenceFiles(family, family.operations));
  for (const [file, text] of Object.entries(pages)) write(`docs/${file}`, text);
  // A page left from an earlier layout or a removed operation would still be built (or clash with a new
  // route), so generated pages not written this time go; hand-written pages carry no marker and stay.
  for (const name of readdirSync(join(root, 'docs/reference'), { recursive: true, encoding: 'utf8' })) {
    const file = `reference/${name.split(sep).join('/')}`;
    const path = join(root, 'docs', file);
    if (!(file in pages) && statSync(path).isFile() && readFileSync(path, 'utf8').includes(GENERATED_MARKER)) rmSync(path);
  }
  const { postmanFileTexts } = await import('../src/postman/index');
  for (const [file, text] of Object.entries(postmanFileTexts())) write(`static/${file}`, text);
} catch (error) {
  console.error(`catalog: ${(error as Error).message}`);
  process.exit(1);
}
