// What a git author name says about who wrote the commit. A decoration around the name
// ("(Admin) Jane Doe", "Jane Doe [ACME]", "Alex | ACME", quotes pasted in with it) is not
// part of it, and a machine's default account ("Ubuntu", "root", "ec2-user") names nobody:
// such an identity is known by its address alone.
import { isMachineAccount, unquoted } from './normalize';

/** A bracketed word standing apart from the name: `(Admin) `, ` [ACME]`; never `dependabot[bot]`. */
const BRACKETED = /(?:^|\s)(?:\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\})(?=\s|$)/g;

/**
 * The name without its decoration: quotes, bracketed words standing apart and
 * anything after ` | `; empty for a machine's account or nothing but decoration.
 */
export function plainName(name: string): string {
  const plain = unquoted((name.split(' | ')[0] ?? '').replace(BRACKETED, ' ').replace(/\s+/g, ' '));
  return isMachineAccount(plain) ? '' : plain;
}
