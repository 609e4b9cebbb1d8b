// The reference files (Discord's and TMDB's OpenAPI specs) live in ../shared/reference beside the repository. A test
// that checks bodies against them must fail when one is missing, never pass by checking nothing.
import { existsSync, readFileSync } from 'node:fs';

export function readReference(path: string, what: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `${what} is missing at ${path}. The tests check every body against it: put the shared reference folder ` +
        '(../shared/reference) beside the repository.',
    );
  }
  return readFileSync(path, 'utf8');
}
