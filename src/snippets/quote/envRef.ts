/**
 * A body value a snippet reads from an environment variable instead of
 * writing it down: a field the catalog marks `x-secret`. The JavaScript and
 * Python quoting helpers write it as an `env("NAME")` call; the cURL target
 * splices `${NAME}` into its single-quoted JSON (`targets/curl.ts`).
 */
export class EnvRef {
  constructor(
    /** The variable, e.g. `AGORA_STORAGE_SECRET_KEY`. */
    readonly name: string,
    /** The field it stands for, e.g. `clientRequest.storageConfig.secretKey`, for messages. */
    readonly field: string,
  ) {}

  /**
   * What `JSON.stringify` writes for it: a marker with NUL characters around the
   * name, which JSON escapes as `\u0000`. A request body can hold NUL only when
   * someone types it, so the marker cannot be mistaken for a real value.
   */
  toJSON(): string {
    return envMarker(this.name);
  }
}

/** The string `EnvRef#toJSON` gives for `name`. */
export function envMarker(name: string): string {
  return `\u0000${name}\u0000`;
}
