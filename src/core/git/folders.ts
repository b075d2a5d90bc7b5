// The folders of a repository path (`a/b/c.ts` lies in `a` and `a/b`), shared by the
// history pass (which folders are new) and the architecture signal (which modules
// are new). Both keep the folders seen so far in a set that holds every prefix of
// each folder in it: the deepest folder of a path answers for its parents.

/** Whether a folder of `path` is missing from `seen` (closed under prefixes). */
export function inUnseenFolder(path: string, seen: ReadonlySet<string>): boolean {
  const slash = path.lastIndexOf('/');
  return slash !== -1 && !seen.has(path.slice(0, slash));
}

/**
 * Adds the folders of `path` to `seen` (closed under prefixes), shallowest first;
 * the walk up from the deepest stops at the first
 * folder already there, whose parents are there too.
 */
export function addFolders(path: string, seen: Set<string>): void {
  let fresh: string[] | undefined;
  for (let slash = path.lastIndexOf('/'); slash !== -1; slash = slash === 0 ? -1 : path.lastIndexOf('/', slash - 1)) {
    const folder = path.slice(0, slash);
    if (seen.has(folder)) break;
    (fresh ??= []).push(folder);
  }
  if (fresh) for (let index = fresh.length - 1; index >= 0; index -= 1) seen.add(fresh[index] ?? '');
}
