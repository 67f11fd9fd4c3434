import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Where the user's source documents live: SEEDS_DIR, else `../shared/seeds`
 * beside the repository (the layout in CI and on the team machine), else the
 * verbatim copy in e2e/fixtures/seeds so a lone clone still checks everything.
 */
export function seedsDir(): string {
  const candidates = [process.env.SEEDS_DIR, join(repoRoot, '../shared/seeds'), join(repoRoot, 'e2e/fixtures/seeds')];
  const found = candidates.find((dir) => dir && existsSync(join(dir, 'video-calling-rest-api-guide.md')));
  if (!found) throw new Error('Guide seed not found: set SEEDS_DIR to the folder holding video-calling-rest-api-guide.md.');
  return found;
}

export interface SeedHeading {
  level: number;
  text: string;
}

export interface SeedDocument {
  headings: SeedHeading[];
  /** Prose lines (paragraphs, list items, table cells) with Markdown syntax removed. */
  prose: string[];
  /** Contents of fenced code blocks, as written. */
  codeBlocks: string[];
}

/** Markdown inline syntax to plain text, as a reader sees it on the page. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Parse the guide seed. The seed's `### Response` JSON fence is never closed,
 * which is the bug the site fixes; a strict CommonMark parse would swallow the
 * following sections into code. So, exactly as the repaired MDX does, a heading
 * after a blank line ends an open fence.
 */
export function parseGuideSeed(markdown: string): SeedDocument {
  const lines = markdown.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');
  const headings: SeedHeading[] = [];
  const prose: string[] = [];
  const codeBlocks: string[] = [];
  let code: string[] | null = null;
  let previous = '';
  for (const line of lines) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (code && heading && previous.trim() === '') {
      codeBlocks.push(code.join('\n'));
      code = null;
    }
    if (code) {
      if (/^```\s*$/.test(line)) {
        codeBlocks.push(code.join('\n'));
        code = null;
      } else {
        code.push(line);
      }
    } else if (/^```/.test(line)) {
      code = [];
    } else if (heading) {
      headings.push({ level: heading[1].length, text: plainText(heading[2]) });
    } else if (/^\s*\|/.test(line)) {
      if (!/^\s*\|[\s|:-]+\|\s*$/.test(line)) {
        for (const cell of line.split('|').slice(1, -1)) prose.push(plainText(cell));
      }
    } else if (line.trim() && !/^(import |<|:::)/.test(line.trim())) {
      prose.push(plainText(line.replace(/^\s*(?:[-*]|\d+\.)\s+/, '')));
    }
    previous = line;
  }
  if (code) codeBlocks.push(code.join('\n'));
  return { headings, prose: prose.filter(Boolean), codeBlocks };
}

/** The guide seed, parsed. */
export function loadGuideSeed(): SeedDocument {
  return parseGuideSeed(readFileSync(join(seedsDir(), 'video-calling-rest-api-guide.md'), 'utf8'));
}

/**
 * Section titles of the Media Pull seed. The seed is a text scrape (no markup),
 * so its titles are listed here, in order, rather than parsed.
 */
export const MEDIA_PULL_SECTIONS = [
  'Maximum number of concurrent tasks',
  'Ensure the high availability of REST services',
  'Multiple Media Pull tasks',
  'Switch the domain name',
  'Domain name table',
  'Create cloud player',
  'Query cloud player',
  'Retry with retreat strategy',
  'Troubleshooting by error code',
  'Contact Agora technical support',
  'Integration checklist',
];
