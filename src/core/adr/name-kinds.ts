// What a name in a record's people field stands for: a person, a team (or a position such
// as `Tech Lead`, kept with the teams), or template text
// left in (`{list everyone who is kept up-to-date on progress}`, `[list everyone involved]`).
import { wholeWords } from './whole-words';

export type NameKind = 'person' | 'team' | 'placeholder';

const BRACKETED = /^(?:\[.*\]|\{.*\}|<[^@]*>)$/s;
/** Template prose and stand-ins for "nobody yet". */
const STAND_IN = /^(?:tbd|tba|todo|n\/a|none|nobody|unknown|everyone|\?+|-+|\.+)$/i;
const TEMPLATE_PROSE = /^(?:list|add|enter|insert|names? of|who|please)\s/i;
const SENTENCE = /\b(?:everyone|every one|who|whom|whose|opinions?|kept up[- ]to[- ]date|involved in)\b/i;
/** `@org/team` (GitHub team mentions). */
const TEAM_MENTION = /^@[\w.-]+\/[\w.-]+$/;
/** All-capital codes of two or more parts (`SK-3P-FTE`, `PLATFORM_OPS`): rosters and cost centres, not people. */
const TEAM_CODE = /^(?=[A-Z0-9_-]*[A-Z]{2})[A-Z0-9]+(?:[-_][A-Z0-9]+)+$/;
/** A group's word, in English, French, German, Spanish or Portuguese (`équipe intégration`, `directeurs de domaine`), as a whole word. */
const TEAM_WORD = wholeWords('team|teams|squad|guild|tribe|committee|council|working group|équipes?|equipes?|equipos?|equipas?|comités?|comit[eê]s?|conseil|groupe|gruppe|abteilung|arbeitsgruppe|direction|directeurs|directores|diretores|leitung', 'i');
/** A body's or a function's last word: `Live Services Board`, `Clinical Assurance`, `Cyber Security`, `Tech Radar`. */
const BODY_WORD = /\s(?:board|panel|forum|assurance|governance|security|radar|office|department)$/i;
/**
 * A position, not a person: `Tech Lead`, `Product Owner`, `Lead Architect`, `CTO`, `Head of
 * Engineering`. Only the words of job titles may stand before the title's last word, so that
 * a family name such as Lead or Owner after a given name stays a person's.
 */
const ROLE_TITLE = new RegExp(
  '^(?:the\\s+)?(?:(?:tech|technical|technology|project|team|engineering|product|solutions?|software|enterprise|lead|principal|staff|chief|senior|security|platform|data|cloud|infrastructure|domain|delivery|programme|program|service|systems?|application|frontend|backend|devops|qa|release|business|it)\\s+){0,3}'
  + '(?:architects?|leads?|managers?|owners?|directors?|officers?|engineers?|developers?)$'
  + '|^(?:cto|cio|ciso|cpo|ceo|coo|cdo|vpe|vp(?:\\s+of)?\\s+engineering|head\\s+of\\s+[a-z ]+)$',
  'i',
);
/** People named by their role in the plural (`NTP developers`, `DfE Lead Developers`, `Maintainers`): a group, as a team is. */
const PLURAL_ROLE = /(?:^|\s)(?:architects|leads|managers|owners|directors|officers|engineers|developers|maintainers|contributors|reviewers|approvers|stakeholders)$/i;
/** A department or function named alone (`Engineering`, `Security`): a group, as a team is. */
const DEPARTMENT = /^(?:engineering|architecture|security|platform|product|design|operations|infrastructure|leadership|management|compliance|legal|devops|backend|frontend|qa)$/i;
const MAX_NAME_WORDS = 5;
/** A template's words for what to write (`decider name`, `date`, `your GitHub handle`): none of them a name. */
const FIELD_WORDS = /^(?:(?:the|a|an|your|their|decider'?s?|deciders|approvers?|persons?|people|owners?|authors?|full|first|last|user|github|gitlab|e-?mail|names?|dates?|handles?|username|role|here|and|or|of)(?:\s+|$))+$/i;
const FIELD_NOUN = /\b(?:names?|dates?|handles?|username|e-?mail)\b/i;

/** A name its writer notes as a machine's (`Claude (AI pair programmer)`): a tool's part is its driver's, so it names nobody. */
const TOOL_NOTE = /\([^)]*\b(?:AI|LLM|assistant|bot|copilot)\b[^)]*\)\s*$/i;

/** A guess or a trailing "and others" (`Probably Marián and others`): a remark about who, naming nobody for sure. */
const HEDGED = /^(?:probably|maybe|possibly|perhaps|presumably)\s|\s(?:and others|et al\.?|etc\.?)$/i;

export function nameKind(text: string): NameKind {
  const name = text.trim();
  if (TOOL_NOTE.test(name) || HEDGED.test(name)) return 'placeholder';
  if (TEAM_MENTION.test(name)) return 'team';
  if (/^\S*@\S*$/.test(name)) return 'person';
  const words = name.split(/\s+/).length;
  if (name.length === 0 || BRACKETED.test(name) || STAND_IN.test(name) || (FIELD_WORDS.test(name) && FIELD_NOUN.test(name))) return 'placeholder';
  // Template prose is written in lower case or runs on; a capitalised two-word name is a name.
  const prose = /^\p{Ll}/u.test(name) || words > 2;
  if (prose && (TEMPLATE_PROSE.test(name) || (words > 1 && SENTENCE.test(name)))) return 'placeholder';
  if (TEAM_CODE.test(name) || (words > 1 && TEAM_WORD.test(name)) || BODY_WORD.test(name) || ROLE_TITLE.test(name) || DEPARTMENT.test(name) || PLURAL_ROLE.test(name)) return 'team';
  return words > MAX_NAME_WORDS ? 'placeholder' : 'person';
}

function holdsTemplateText(inner: string): boolean {
  return inner.split(/[,;]/).some((part) => nameKind(part) === 'placeholder' && part.trim().length > 0);
}

/**
 * Template text in braces, square brackets (not a Markdown link) or parentheses says
 * nothing (`{list everyone involved}`, `(decider name, date)`); other bracketed names stay,
 * and a note in parentheses stays as written.
 */
export function withoutTemplateText(value: string): string {
  return value
    .replace(/<!--.*?-->/g, '')
    .replace(/\{([^}]*)\}|\[([^\]]*)\](?!\()/g, (whole, braced: string | undefined, squared: string | undefined) => {
      const inner = braced ?? squared ?? '';
      return holdsTemplateText(inner) ? '' : inner;
    })
    .replace(/\(([^()]*)\)/g, (whole, inner: string) => (holdsTemplateText(inner) ? '' : whole));
}
