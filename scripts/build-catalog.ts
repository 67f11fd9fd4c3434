#!/usr/bin/env tsx
// Composes the catalog: src/catalog/base.yaml plus every family's part
// (src/families/<family>/catalog.yaml) into one OpenAPI 3.1 document. Every
// runtime (webpack, Vitest, tsx, serverless bundlers) reads JSON natively, so
// the result is written as JSON for the code (src/catalog/openapi.gen.json),
// as downloads (static/openapi.json, static/openapi.yaml, and a Postman
// collection with its environments under static/postman/), and as one
// reference page per family (docs/reference/<page>.mdx), and split for the
// browser into src/catalog/gen/ (a manifest plus one module per family, so a
// page carries only the families it shows; see src/catalog/split.ts). All are gitignored.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { composeCatalog } from '../src/catalog/compose';
import { familiesOf, rawOperations } from '../src/catalog/model';
import { readCatalogBase, readFamilyParts } from '../src/catalog/sources';
import { splitFiles } from '../src/catalog/split';
import { referencePageMdx } from '../src/components/OperationReference/referencePage';

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
  const operations = rawOperations(doc).map(({ operation }) => operation);
  for (const family of familiesOf(doc)) {
    const own = operations
      .filter((op) => op.tags?.[0] === family.title)
      .map((op) => ({ id: op.operationId, summary: op.summary ?? op.operationId }));
    write(`docs/reference/${family.page}.mdx`, referencePageMdx(family, own));
  }
  // Imported only now: the Postman generator reads the catalog through src/catalog,
  // which loads the openapi.gen.json written above (absent on a fresh clone).
  const { postmanFileTexts } = await import('../src/postman/index');
  for (const [file, text] of Object.entries(postmanFileTexts())) write(`static/${file}`, text);
} catch (error) {
  console.error(`catalog: ${(error as Error).message}`);
  process.exit(1);
}
