// `.mailmap` in all four of git's forms. git applies it to authors and
// committers but not to trailers, so the resolver applies it to those itself.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MailmapEntry {
  properName?: string;
  properEmail?: string;
  commitName?: string;
  commitEmail: string;
}

export interface Mailmap {
  /** The text it was read from: two maps of the same text map every identity alike. */
  readonly source: string;
  lookup(name: string, email: string): { name: string; email: string };
}

const ENTRY = /^\s*([^<#]*?)\s*(?:<([^>]*)>)\s*(?:([^<#]*?)\s*<([^>]*)>)?\s*(?:#.*)?$/;

export function parseMailmap(text: string): Mailmap {
  const entries: MailmapEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const match = ENTRY.exec(line);
    if (!match) continue;
    const [, firstName = '', firstEmail = '', secondName = '', secondEmail] = match;
    if (secondEmail === undefined) {
      entries.push({ properName: firstName || undefined, commitEmail: firstEmail });
    } else {
      entries.push({ properName: firstName || undefined, properEmail: firstEmail || undefined, commitName: secondName || undefined, commitEmail: secondEmail });
    }
  }
  return {
    source: text,
    lookup(name: string, email: string): { name: string; email: string } {
      const lowerEmail = email.toLowerCase();
      const lowerName = name.toLowerCase();
      // git prefers an entry that names both the commit name and email.
      const exact = entries.find((entry) => entry.commitName !== undefined && entry.commitEmail.toLowerCase() === lowerEmail && entry.commitName.toLowerCase() === lowerName);
      const byEmail = exact ?? entries.find((entry) => entry.commitName === undefined && entry.commitEmail.toLowerCase() === lowerEmail);
      if (!byEmail) return { name, email };
      return { name: byEmail.properName ?? name, email: byEmail.properEmail ?? email };
    },
  };
}

export async function readMailmap(root: string): Promise<Mailmap> {
  try {
    return parseMailmap(await readFile(join(root, '.mailmap'), 'utf8'));
  } catch {
    return parseMailmap('');
  }
}
