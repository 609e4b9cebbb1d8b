// The run's migrated PGlite dump (see pglite-template-setup.ts), for a file that opens PGlite in memory.
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';

let cached: Promise<Blob | undefined> | undefined;

export function pgliteTemplate(): Promise<Blob | undefined> {
  const path = inject('pgliteTemplatePath');
  cached ??= path ? readFile(path).then((bytes) => new Blob([bytes])) : Promise.resolve(undefined);
  return cached;
}
