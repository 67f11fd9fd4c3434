/**
 * What the reference shows for each documented answer of an operation: its
 * status, what it means, the body's shape in one line and whether the body has
 * fields to tabulate. The fields themselves come from the one schema walker
 * (through FieldsTable), so this module only decides what to say around them.
 */
import { walkSchema } from '../../catalog/schemaWalk';
import type { JsonSchema, OperationModel } from '../../catalog/types';

export interface ResponseSection {
  status: number;
  /**
   * The documented success: the first 2xx. Cloud Recording also answers 201 and
   * 206 with error bodies, so "2xx" alone does not mean the call did what was asked.
   */
  primary: boolean;
  /** The catalog's description of when this status comes back. */
  description: string;
  /** The body's own description (for a body with alternative shapes, each shape's), if the catalog gives one. */
  shape?: string;
  /** The body schema when it has fields to list. */
  schema?: JsonSchema;
  /** A documented body without fields: `{}` or a value that is not an object. */
  emptyObject: boolean;
  /**
   * An earlier status of this operation whose body has exactly these fields
   * (Cloud Recording's error bodies are all `{code, reason}`): the page says so
   * instead of repeating the table, which keeps a ten-status section light.
   */
  sameFieldsAs?: number;
}

/** One line saying what the body is; a body that is one of several shapes names each. */
function shapeOf(schema: JsonSchema): string | undefined {
  const own = schema.description?.trim();
  if (own) return own;
  const branches = (schema.oneOf ?? schema.anyOf ?? []).map((branch) => branch.description?.trim()).filter(Boolean);
  return branches.length ? `One of these shapes: ${branches.join(' ')}` : undefined;
}

/** Every documented status of an operation, in status order, ready to render. */
export function responseSections(op: OperationModel): ResponseSection[] {
  const success = op.responses.find((response) => response.status >= 200 && response.status < 300);
  // The first status with each field list, keyed by the fields as the table would show them.
  const tabulated = new Map<string, number>();
  return op.responses.map((response) => {
    const schema = response.schema;
    const fields = schema === undefined ? [] : walkSchema(schema);
    const hasFields = fields.length > 0;
    const section: ResponseSection = {
      status: response.status,
      primary: response === success,
      description: response.description,
      ...(schema && { shape: shapeOf(schema) }),
      ...(hasFields && { schema }),
      emptyObject: schema !== undefined && !hasFields,
    };
    if (hasFields) {
      const key = JSON.stringify(fields);
      const earlier = tabulated.get(key);
      if (earlier === undefined) tabulated.set(key, response.status);
      else section.sameFieldsAs = earlier;
    }
    return section;
  });
}
