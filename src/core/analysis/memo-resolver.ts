// The analysis asks the resolver about the same few hundred identities hundreds of
// thousands of times (every commit, trailer and merge): repeats are answered from
// memory. A person's id and name depend on the order in which the resolver first
// meets each identity, so across analyses (the extension's refreshes) the memo
// keeps the order too: the log of every first asking and its answer. An analysis
// that asks in the logged order is answered from the log; at the first asking out
// of that order, the resolver is made again from the part of the log asked so far
// and goes on from there. Either way every answer is the one a fresh resolver
// gives the same askings. A stretch of askings an analysis made (one decision's
// witnesses) can be replayed by the next one, without asking, when it stands at the
// same point of the same log: what the stretch asked is then what it asked before.
import type { IdentityResolver, ResolvedPerson } from '../model/people';
import type { Person } from '../model/report';
import type { ToolClass } from '../people/bots';

interface Asked {
  key: string;
  ask: (resolver: IdentityResolver) => ResolvedPerson;
  answer: ResolvedPerson;
  /** Whether the answer was a bot or an assistant just after it was given: only an asking that names a person can change that. */
  tool: ToolClass | null;
}

/** `people()` asked at this point of the log, and what it gave. */
interface Listed {
  key: null;
  people: Person[];
}

type Step = Asked | Listed;

/** Where an analysis stands in the log: how far it got, and the step it took last (the log before it is that step's). */
export interface LogMark {
  readonly at: number;
  readonly last: Step | undefined;
}

/** The first askings an analysis made from a mark on, the very steps of the log. */
export interface LogStretch extends LogMark {
  readonly steps: readonly Step[];
}

const NO_STEPS: readonly Step[] = [];

/** The resolver of one analysis, which can also mark a stretch of its askings and replay one. */
export interface ReplayingResolver extends IdentityResolver {
  mark(): LogMark;
  since(mark: LogMark): LogStretch;
  /**
   * When the analysis stands where `stretch` began, with the same log before it,
   * and the log goes on with the stretch's steps: takes them as asked (the same
   * answers, the same bot and assistant flags after them) and says true.
   */
  replay(stretch: LogStretch): boolean;
}

export interface ResolverMemoCounts {
  /** First askings answered from the log. */
  recalled: number;
  /** First askings the resolver worked out. */
  resolved: number;
  /** Times the resolver was made again because an analysis left the logged order. */
  remade: number;
  /** Stretches of askings replayed from the log (their first askings are counted as recalled). */
  replayed: number;
}

function toolOf(resolver: IdentityResolver, id: string): ToolClass | null {
  return resolver.isBot(id) ? 'bot' : resolver.isAssistant(id) ? 'assistant' : null;
}

export class ResolverMemo {
  private fingerprint: string | undefined;
  private make: () => IdentityResolver = () => {
    throw new Error('ResolverMemo: no resolver yet');
  };
  private resolver: IdentityResolver | undefined;
  /** Invariant: `resolver` has been asked exactly the askings of `log`, in order. */
  private log: Step[] = [];
  /** Bot or assistant, for the people the resolver knows before anything is asked (configured ones). */
  private initialTools = new Map<string, ToolClass | null>();
  /** What the last analysis did, for tests and benches. */
  counts: ResolverMemoCounts = { recalled: 0, resolved: 0, remade: 0, replayed: 0 };

  /**
   * A resolver for one analysis. `fingerprint` names everything `make` depends on
   * (roster, people, tools, `.mailmap`): when it changes, the log is forgotten.
   */
  session(fingerprint: string, make: () => IdentityResolver): ReplayingResolver {
    if (fingerprint !== this.fingerprint || !this.resolver) {
      this.fingerprint = fingerprint;
      this.make = make;
      this.remake(0);
    }
    this.counts = { recalled: 0, resolved: 0, remade: 0, replayed: 0 };
    return this.follow();
  }

  /** A new resolver asked the first `count` steps of the log; the rest of the log is dropped. */
  private remake(count: number): IdentityResolver {
    const resolver = this.make();
    this.initialTools = new Map(resolver.people().map((p) => [p.id, toolOf(resolver, p.id)]));
    for (const step of this.log.slice(0, count)) if (step.key !== null) step.ask(resolver);
    this.log.length = Math.min(count, this.log.length);
    this.resolver = resolver;
    return resolver;
  }

  private follow(): ReplayingResolver {
    let at = 0;
    const seen = new Map<string, ResolvedPerson>();
    // A text asked again is found by itself, without making its key.
    const seenTexts = new Map<string, ResolvedPerson>();
    // While the analysis follows the log, the resolver has met more than was asked:
    // what it says of people is taken from the log as of `at`.
    const tools = new Map(this.initialTools);
    // Past the log, what the resolver says of a person holds until it is asked something new.
    const toolsNow = new Map<string, ToolClass | null>();
    const following = (): boolean => at < this.log.length;
    /** The resolver as of `at`: made again when it met more. */
    const current = (): IdentityResolver => {
      if (following()) {
        this.counts.remade += 1;
        toolsNow.clear();
        return this.remake(at);
      }
      return this.resolver ?? this.remake(0);
    };
    const first = (key: string, ask: (resolver: IdentityResolver) => ResolvedPerson): ResolvedPerson => {
      const known = seen.get(key);
      if (known) return known;
      const next = this.log[at];
      let answer: ResolvedPerson;
      if (next !== undefined && next.key === key) {
        answer = next.answer;
        tools.set(answer.id, next.tool);
        this.counts.recalled += 1;
      } else {
        const resolver = current();
        answer = ask(resolver);
        toolsNow.clear();
        this.log.push({ key, ask, answer, tool: toolOf(resolver, answer.id) });
        this.counts.resolved += 1;
      }
      at += 1;
      seen.set(key, answer);
      return answer;
    };
    const tool = (id: string): ToolClass | null => {
      if (following()) return tools.get(id) ?? null;
      let known = toolsNow.get(id);
      if (known === undefined) toolsNow.set(id, (known = toolOf(current(), id)));
      return known;
    };
    // A step is one object at one place of the log until the log is cut before it, so the
    // same object at the same place proves the log up to it is the same.
    const mark = (): LogMark => ({ at, last: this.log[at - 1] });
    const replay = (stretch: LogStretch): boolean => {
      if (stretch.at !== at || stretch.last !== this.log[at - 1]) return false;
      for (const [k, step] of stretch.steps.entries()) if (this.log[at + k] !== step) return false;
      for (const step of stretch.steps) {
        if (step.key !== null) {
          seen.set(step.key, step.answer);
          tools.set(step.answer.id, step.tool);
          this.counts.recalled += 1;
        }
        at += 1;
      }
      this.counts.replayed += 1;
      return true;
    };
    return {
      mark,
      since: (from) => ({ ...from, steps: from.at === at ? NO_STEPS : this.log.slice(from.at, at) }),
      replay,
      resolveIdentity: (name, email) => first(`i\0${name}\0${email}`, (r) => r.resolveIdentity(name, email)),
      resolveText: (text) => {
        let answer = seenTexts.get(text);
        if (answer === undefined) seenTexts.set(text, (answer = first(`t\0${text}`, (r) => r.resolveText(text))));
        return answer;
      },
      person: (id) => current().person(id),
      isBot: (id) => tool(id) === 'bot',
      isAssistant: (id) => tool(id) === 'assistant',
      people: () => {
        const next = this.log[at];
        if (next !== undefined && next.key === null) {
          at += 1;
          return next.people;
        }
        const people = current().people();
        this.log.push({ key: null, people });
        at += 1;
        return people;
      },
    };
  }
}
