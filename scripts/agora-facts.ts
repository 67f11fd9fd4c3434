#!/usr/bin/env tsx
// Reduces Agora's published OpenAPI files to the facts the conformance test
// compares our catalog with (src/families/<family>/agora.facts.json): paths,
// methods, auth, parameters, body fields and response fields with their types
// and limits. Prose (descriptions, summaries, examples) is never copied, so
// the facts are the same whichever language the source file is written in.
//
//   npx tsx scripts/agora-facts.ts <agora.yaml> [more.yaml ...] \
//     --source <repo>:<path>@<commit> [one --source per file, in order] \
//     --family <id> --out src/families/<id>/agora.facts.json
//
// An operation found in several files (same method and path) is taken from
// the first file that has it; a later copy that states different facts is
// reported on stderr, so conflicts between Agora's own files are seen.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';
import {
  bodyFieldFacts,
  operationName,
  responseFieldFacts,
  valueFacts,
  type FactsFile,
  type FactsSource,
  type OperationFacts,
  type ParamFacts,
  type ParamIn,
  type ResponseFacts,
} from '../src/catalog/conformance';
import { deref } from '../src/catalog/resolve';
import type { JsonSchema } from '../src/catalog/types';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const LOCATIONS: readonly ParamIn[] = ['path', 'query', 'header', 'cookie'];

/** The parts of an OpenAPI document this script reads, after `$ref`s are resolved. */
interface SourceParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface SourceMedia {
  schema?: JsonSchema;
}
interface SourceOperation {
  parameters?: SourceParameter[];
  requestBody?: { required?: boolean; content?: Record<string, SourceMedia> };
  responses?: Record<string, { content?: Record<string, SourceMedia> }>;
  security?: Array<Record<string, string[]>>;
}
type SourcePathItem = { parameters?: SourceParameter[] } & Partial<Record<(typeof METHODS)[number], SourceOperation>>;
interface SourceDocument {
  servers?: Array<{ url?: string }>;
  paths?: Record<string, SourcePathItem>;
  security?: Array<Record<string, string[]>>;
  components?: { securitySchemes?: Record<string, { type?: string; scheme?: string }> };
}

interface Options {
  files: string[];
  sources: FactsSource[];
  family: string;
  out: string;
}

function fail(message: string): never {
  console.error(`agora-facts: ${message}`);
  process.exit(1);
}

/** `AgoraIO/docs-portal:content/openapi/x.yaml@<40 hex>` as a source record. */
function parseSource(text: string): FactsSource {
  const match = /^([\w.-]+\/[\w.-]+):(.+)@([0-9a-f]{40})$/.exec(text);
  if (!match) fail(`--source "${text}" is not <owner>/<repo>:<path>@<40-hex commit>.`);
  return { repo: match[1], path: match[2], commit: match[3] };
}

function parseArgs(argv: string[]): Options {
  const files: string[] = [];
  const sources: FactsSource[] = [];
  let family = '';
  let out = '';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = (): string => argv[++i] ?? fail(`${arg} needs a value.`);
    if (arg === '--source') sources.push(parseSource(value()));
    else if (arg === '--family') family = value();
    else if (arg === '--out') out = value();
    else if (arg.startsWith('--')) fail(`unknown option ${arg}.`);
    else files.push(arg);
  }
  if (!files.length) fail('give at least one Agora OpenAPI YAML file.');
  if (sources.length !== files.length) fail(`give one --source per file (${files.length} files, ${sources.length} sources), in the same order.`);
  if (!family) fail('--family <id> is required (the folder name under src/families/).');
  if (!out) fail('--out <file> is required, e.g. src/families/<id>/agora.facts.json.');
  return { files, sources, family, out };
}

/** Scheme kinds an operation accepts: `basic`/`bearer` for HTTP schemes, else the scheme's type. */
function authOf(doc: SourceDocument, requirements: Array<Record<string, string[]>>): string[] {
  const kinds = new Set<string>();
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      const scheme = doc.components?.securitySchemes?.[name];
      if (!scheme) fail(`security scheme "${name}" is not defined in components.securitySchemes.`);
      kinds.add(scheme.type === 'http' && scheme.scheme ? scheme.scheme.toLowerCase() : String(scheme.type));
    }
  }
  return [...kinds].sort();
}

/** Path-level parameters apply unless the operation redefines the same name and location. */
function paramsOf(pathItem: SourcePathItem, op: SourceOperation): ParamFacts[] {
  const merged = new Map<string, SourceParameter>();
  for (const param of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) merged.set(`${param.in}:${param.name}`, param);
  return [...merged.values()].map((param) => {
    if (!LOCATIONS.includes(param.in as ParamIn)) fail(`parameter "${param.name}" has an unknown location "${param.in}".`);
    return {
      name: param.name,
      in: param.in as ParamIn,
      // OpenAPI: a path parameter is always required.
      required: param.in === 'path' ? true : param.required === true,
      schema: valueFacts(param.schema),
    };
  });
}

/** A response key as a fact: a number, a range such as `4XX`, or `default` for any other wording of "the rest". */
function statusOf(key: string): number | string {
  if (/^\d{3}$/.test(key)) return Number(key);
  if (/^[1-5]XX$/i.test(key)) return key.toUpperCase();
  return 'default';
}

function responsesOf(op: SourceOperation): ResponseFacts[] {
  const byStatus = new Map<number | string, ResponseFacts>();
  for (const [key, response] of Object.entries(op.responses ?? {})) {
    const status = statusOf(key);
    if (byStatus.has(status)) continue;
    byStatus.set(status, { status, fields: responseFieldFacts(response.content?.['application/json']?.schema) });
  }
  return [...byStatus.values()];
}

/**
 * The path every server URL starts with (`/api/conversational-ai-agent`), or '' for bare hosts.
 * Our catalog's servers are hosts only, so its paths carry this prefix and the facts must too.
 */
function basePathOf(doc: SourceDocument): string {
  const bases = new Set((doc.servers ?? []).map((server) => new URL(server.url ?? '/', 'https://host.invalid').pathname.replace(/\/+$/, '')));
  if (bases.size > 1) fail(`the servers have different base paths (${[...bases].join(', ')}); give each path its own file.`);
  return [...bases][0] ?? '';
}

function operationsOf(doc: SourceDocument): OperationFacts[] {
  const out: OperationFacts[] = [];
  const base = basePathOf(doc);
  for (const [rawPath, pathItem] of Object.entries(doc.paths ?? {})) {
    const path = `${base}${rawPath}`;
    for (const method of METHODS) {
      const op = pathItem[method];
      if (!op) continue;
      const body = op.requestBody;
      out.push({
        method: method.toUpperCase(),
        path,
        auth: authOf(doc, op.security ?? doc.security ?? []),
        params: paramsOf(pathItem, op),
        ...(body ? { body: { required: body.required === true, fields: bodyFieldFacts(body.content?.['application/json']?.schema) } } : {}),
        responses: responsesOf(op),
      });
    }
  }
  return out;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const byName = new Map<string, OperationFacts>();
  options.files.forEach((file, index) => {
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      fail(`cannot read ${file}: ${(error as Error).message}`);
    }
    const doc = deref<SourceDocument>(raw, raw);
    for (const facts of operationsOf(doc)) {
      const name = operationName(facts);
      const first = byName.get(name);
      if (!first) byName.set(name, facts);
      else if (JSON.stringify(first) !== JSON.stringify(facts)) {
        console.error(`agora-facts: ${name} in ${options.sources[index].path} states other facts than an earlier file; the earlier file's are kept.`);
      }
    }
  });
  const methodOrder = (method: string): number => METHODS.indexOf(method.toLowerCase() as (typeof METHODS)[number]);
  const operations = [...byName.values()].sort((a, b) => a.path.localeCompare(b.path) || methodOrder(a.method) - methodOrder(b.method));
  const file: FactsFile = { sources: options.sources, operations };
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`agora-facts: ${options.family}: ${operations.length} operations from ${options.files.length} file(s) -> ${options.out}`);
}

main();
