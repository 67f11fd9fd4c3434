#!/usr/bin/env tsx
// Composes the catalog: src/catalog/base.yaml plus every family's part
// (src/families/<family>/catalog.yaml) into one OpenAPI 3.1 document. Every
// runtime (webpack, Vitest, tsx, serverless bundlers) reads JSON natively, so
// the result is written as JSON for the code (src/catalog/openapi.gen.json),
// as downloads (static/openapi.json, static/openapi.yaml, and a Postman
// collection with its environments under static/postman/), as the reference
// pages (docs/reference/<page>/: an overview and a page per operation), and split for the
// browser into src/catalog/gen/ (a manifest plus one module per family, so a
// page carries only the families it shows; see src/catalog/split.ts). All are gitignored.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { composeCatalog } from '../src/catalog/compose';
import { readCatalogBase, readFamilyParts } from '../src/catalog/sources';
import { splitFiles } from '../src/catalog/split';
import { familyReferenceFiles, GENERATED_MARKER } from '../src/components/OperationReference/referencePage';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

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
  // A family removed or renamed leaves no module behind for a page to import.
  for (const name of readdirSync(join(root, 'src/catalog/gen'), { recursive: true, encoding: 'utf8' })) {
    const path = join(root, 'src/catalog/gen', name);
    if (!(name.split(sep).join('/') in gen) && statSync(path).isFile()) rmSync(path);
  }
  write('static/openapi.json', json);
  write('static/openapi.yaml', `# Generated from src/catalog/base.yaml and src/families/*/catalog.yaml.\n${stringify(doc, { lineWidth: 0 })}`);
  // Imported only now: the reference pages and the Postman generator read the catalog through
  // src/catalog, which loads the files written above (absent on a fresh clone).
  const { operationsByFamily } = await import('../src/catalog/index');
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
