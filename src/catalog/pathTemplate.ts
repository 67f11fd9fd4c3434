/**
 * The catalog's path templates (`/v1/apps/{appid}/cloud_recording/acquire`) split
 * into their text and their `{name}` placeholders: the one reading of the
 * template syntax, for the registry's route matchers and for filling a path
 * (`resolvePath`). Pure and browser-safe.
 */

export interface PathTemplateParts {
  /** The text around the placeholders: always one more than `names` (empty strings where placeholders touch). */
  literals: string[];
  /** The placeholders' names, in order. */
  names: string[];
}

export function splitPathTemplate(template: string): PathTemplateParts {
  const literals: string[] = [];
  const names: string[] = [];
  const placeholder = /\{([^}]+)\}/g;
  let from = 0;
  for (let match = placeholder.exec(template); match; match = placeholder.exec(template)) {
    literals.push(template.slice(from, match.index));
    names.push(match[1]);
    from = match.index + match[0].length;
  }
  literals.push(template.slice(from));
  return { literals, names };
}
