#!/usr/bin/env node
// The catalog is written by hand as YAML (readable, reviewable). Every runtime
// (webpack, Vitest, tsx, serverless bundlers) reads JSON natively, so this turns
// the YAML into JSON once: for the code (src/catalog/openapi.gen.json) and for
// readers who download it (static/openapi.json, static/openapi.yaml).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src/catalog/openapi.yaml');

if (!existsSync(source)) {
  console.error(`catalog: ${source} is missing; nothing to build.`);
  process.exit(1);
}
const text = readFileSync(source, 'utf8');
let doc;
try {
  doc = parse(text, { prettyErrors: true });
} catch (error) {
  console.error(`catalog: src/catalog/openapi.yaml is not valid YAML: ${error.message}`);
  process.exit(1);
}
const json = JSON.stringify(doc, null, 2) + '\n';
const write = (file, content) => {
  const target = join(root, file);
  mkdirSync(dirname(target), { recursive: true });
  // Skip identical writes so the dev server does not rebuild for nothing.
  if (existsSync(target) && readFileSync(target, 'utf8') === content) return;
  writeFileSync(target, content);
};
write('src/catalog/openapi.gen.json', json);
write('static/openapi.json', json);
write('static/openapi.yaml', text);
