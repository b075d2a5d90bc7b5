// What the structural readers made of each blob, by blob id, for one assessment
// run: a file's new side in one unit is most often its old side in the next unit
// that touches it, and the same id is the same text, so each text is read once
// (a 100 kB OpenAPI file parsed as YAML once per version, not twice).
import type { RecordGist } from '../../adr/record-change';
import type { CiFacts } from './ci';
import type { InfrastructureFacts } from './infrastructure';
import type { ManifestFacts } from './manifest-facts';

const keyOf = (path: string, id: string): string => `${id}\u0000${path}`;

class BlobMemo<T> {
  private readonly kept = new Map<string, T>();

  /** The facts kept for the blob `id` at `path`, if any. */
  get(path: string, id: string): T | undefined {
    return this.kept.get(keyOf(path, id));
  }

  /** Whether the facts of the blob `id` at `path` are kept. */
  has(path: string, id: string): boolean {
    return this.kept.has(keyOf(path, id));
  }

  /** The facts `read` gives for the blob `id` at `path`; read every time when the id is unknown. */
  of(path: string, id: string | undefined, read: () => T): T {
    if (id === undefined) return read();
    const key = keyOf(path, id);
    if (this.kept.has(key)) return this.kept.get(key) as T;
    const facts = read();
    this.kept.set(key, facts);
    return facts;
  }
}

/** Kept facts are shared between units: whoever uses them copies before changing (see addFacts). */
export interface BlobFacts {
  manifests: BlobMemo<ManifestFacts | null>;
  infrastructure: BlobMemo<InfrastructureFacts>;
  ci: BlobMemo<CiFacts>;
  schemas: BlobMemo<Set<string>>;
  /** Whether a schema's text says it is generated (data.ts, isGenerated). */
  generated: BlobMemo<boolean>;
  /** A decision record's version as its later edits are compared (record-edits.ts), by the record's path. */
  gists: BlobMemo<RecordGist>;
}

/** What an analysis has read of blobs before its assessment (early-facts.ts): their facts, and the ids of the sides it named by path. */
export interface KnownBlobs {
  facts: BlobFacts;
  /** The blob id cat-file gave for `<revision>:<path>`, if it was asked. */
  idOf: (revision: string, path: string) => string | undefined;
}

export function newBlobFacts(): BlobFacts {
  return { manifests: new BlobMemo(), infrastructure: new BlobMemo(), ci: new BlobMemo(), schemas: new BlobMemo(), generated: new BlobMemo(), gists: new BlobMemo() };
}

type Collections<T> = { [K in keyof T]: Set<unknown> | Map<unknown, unknown> };

/**
 * Adds every entry of `from`'s sets and maps to `into`'s (a map's later value
 * wins): what reading `from`'s file into `into` directly would have given.
 */
export function addFacts<T extends Collections<T>>(into: T, from: T): T {
  for (const field of Object.keys(from) as Array<keyof T>) {
    const source: Set<unknown> | Map<unknown, unknown> = from[field];
    const target: Set<unknown> | Map<unknown, unknown> = into[field];
    if (source instanceof Set && target instanceof Set) for (const value of source) target.add(value);
    else if (source instanceof Map && target instanceof Map) for (const [key, value] of source) target.set(key, value);
  }
  return into;
}
