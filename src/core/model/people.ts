// One person per human: git identities (after .mailmap), ADR name strings
// (`Dana Chen`, `@dchen`, `dana@acme.io`), trailer identities and configured
// aliases all resolve through one resolver (src/core/people).
import type { Person } from './report';

export interface ResolvedPerson {
  /** Stable id used in the report (`people[].id`). */
  id: string;
  /** True when the text matched no known identity and a new named person was made for it. */
  unknown: boolean;
}

export interface IdentityResolver {
  /** Resolve a git identity (author, committer). */
  resolveIdentity(name: string, email: string): ResolvedPerson;
  /**
   * Resolve free text: `Name <email>` (trailers), a bare email, an `@handle`, or a name
   * (ADR fields). Trailer identities go through `.mailmap` here, since git does not apply it to them.
   */
  resolveText(text: string): ResolvedPerson;
  person(id: string): Person | undefined;
  /** Whether the person is a bot as far as the resolver knows now; false for an unknown id. */
  isBot(id: string): boolean;
  /**
   * Whether the identity is a tool whose work is the person's who drove it, never a person in
   * the report: an AI assistant, or a machine's nameless default account (`ubuntu@ip-…`).
   */
  isAssistant(id: string): boolean;
  /** Every person seen so far, in a stable order. */
  people(): Person[];
}
