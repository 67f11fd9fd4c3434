/**
 * Prism's token tree as lines of flat tokens, the shape the site's code views
 * render (one element per line, one span per token) and the shape
 * prism-react-renderer gives the theme's code blocks, so both are styled by
 * the same rules (../dual.ts): a token's types are its own type and aliases
 * after those of the tokens around it, text outside any token is `plain`, and
 * an empty line is one `plain` token holding a newline, marked `empty` (so the
 * line keeps its height). lines.test.ts holds it to prism-react-renderer's
 * output for the snippets the site generates.
 */

/** A token as Prism's `tokenize` returns it (prismjs's `Token`, reduced to what is read here). */
export interface PrismToken {
  type: string;
  alias?: string | string[];
  content: string | PrismToken | Array<string | PrismToken>;
}

export interface LineToken {
  types: string[];
  content: string;
  empty?: boolean;
}

const NEWLINE = /\r\n|\r|\n/;

/** `types` with `type` added, unless it is already the last one (a nested token of the same type adds nothing). */
function withType(types: string[], type: string): string[] {
  return types[types.length - 1] === type ? types : [...types, type];
}

/** A line with no text keeps a height: a newline as its only token. */
function closeLine(line: LineToken[]): void {
  if (line.length === 0) line.push({ types: ['plain'], content: '\n', empty: true });
  else if (line.length === 1 && line[0].content === '') Object.assign(line[0], { content: '\n', empty: true });
}

export function tokensToLines(tokens: Array<string | PrismToken>): LineToken[][] {
  let line: LineToken[] = [];
  const lines = [line];
  const add = (text: string, types: string[]) => {
    const parts = text.split(NEWLINE);
    line.push({ types, content: parts[0] });
    for (const part of parts.slice(1)) {
      closeLine(line);
      lines.push((line = [{ types, content: part }]));
    }
  };
  // Depth first, in order; the outer types are those of the enclosing tokens (none at the top: `plain`).
  const visit = (items: Array<string | PrismToken>, outer: string[] | undefined) => {
    for (const item of items) {
      if (typeof item === 'string') {
        add(item, outer ?? ['plain']);
        continue;
      }
      let types = withType(outer ?? [], item.type);
      // A list of aliases is added whole (as prism-react-renderer does), a single alias like a type.
      if (Array.isArray(item.alias)) types = [...types, ...item.alias];
      else if (item.alias !== undefined) types = withType(types, item.alias);
      if (typeof item.content === 'string') add(item.content, types);
      else visit(Array.isArray(item.content) ? item.content : [item.content], types);
    }
  };
  visit(tokens, undefined);
  closeLine(line);
  return lines;
}
