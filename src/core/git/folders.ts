// Folder prefixes of a repository path, shared by the history pass (which folders
// are new) and the architecture signal (which modules are new).

/** `a/b/c.ts` → `['a', 'a/b']`. */
export function folderPrefixes(path: string): string[] {
  const prefixes: string[] = [];
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) prefixes.push(path.slice(0, slash));
  return prefixes;
}
