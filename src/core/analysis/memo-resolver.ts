// The analysis asks the resolver about the same few hundred identities hundreds of
// thousands of times (every commit, trailer and merge): answer repeats from memory.
import type { IdentityResolver, ResolvedPerson } from '../model/people';

export function memoizeResolver(resolver: IdentityResolver): IdentityResolver {
  const identities = new Map<string, ResolvedPerson>();
  const texts = new Map<string, ResolvedPerson>();
  return {
    resolveIdentity: (name, email) => {
      const key = `${name}\0${email}`;
      let found = identities.get(key);
      if (!found) identities.set(key, (found = resolver.resolveIdentity(name, email)));
      return found;
    },
    resolveText: (text) => {
      let found = texts.get(text);
      if (!found) texts.set(text, (found = resolver.resolveText(text)));
      return found;
    },
    person: (id) => resolver.person(id),
    isBot: (id) => resolver.isBot(id),
    isAssistant: (id) => resolver.isAssistant(id),
    people: () => resolver.people(),
  };
}
