// Status text as written → one of the report's statuses. Real records say
// "Accepted (lazy consensus) & implemented", "PROPOSED", "accepted; supersedes ADR-0045".
import type { DecisionStatus } from '../model/report';
import { WORD_CHAR, wholeWords } from './whole-words';

export interface NormalizedStatus {
  status: DecisionStatus;
  /** True for an unfilled template value such as `{ accepted }` or `[proposed | accepted]`. */
  placeholder: boolean;
}

/** What separates a template's status choices: `proposed | accepted`, `Proposed, Accepted`, `proposed/accepted`. */
const CHOICES = /[|,/]/;
const SUPERSEDED = wholeWords('super[sc]eded|superseeded|replaced by|overridden|overruled by|merged into|remplacée?|ersetzt|reemplazad[oa]|sustituid[oa]|substituíd[oa]');
/** "Not implemented", "not-accepted", "never approved", "nicht angenommen", "pas accepté": the keyword is denied, not stated. */
const DENIED = new RegExp(`(?<!${WORD_CHAR})(?:not|never|no longer|nicht|pas|non|no|não)[\\s-]+$`, 'u');
/** Each status's words, found one after another (`firstStated`). */
const words = (list: string): RegExp => wholeWords(list, 'g');
// Statuses in English, then in French, German, Spanish and Portuguese (`statut : proposé`, `Status: Angenommen`).
const KEYWORDS: ReadonlyArray<[RegExp, DecisionStatus]> = [
  // `Augmented by ADR-0004`: another record added to it, so it stands.
  [words('accepted|approved|adopted|implemented|agreed|decided|done|active|complete|completed|merged(?! into| with)|augmented by|amended by|extended by|refined by'
    + '|acceptée?|approuvée?|adoptée?|validée?|akzeptiert|angenommen|genehmigt|beschlossen|aceptad[oa]|aprobad[oa]|aceit[oa]|aprovad[oa]'), 'accepted'],
  [words('proposed|proposal|draft|drafted|open|pending|in[- ]?review|under review|in[- ]?progress|wip|rfc|discussing|under discussion'
    + '|proposée?|proposition|brouillon|en cours|en discussion|vorgeschlagen|entwurf|in bearbeitung|propuest[oa]|borrador|propost[oa]|rascunho'), 'proposed'],
  [words('rejected|declined|withdrawn|abandoned|refused|rejetée?|refusée?|abgelehnt|verworfen|rechazad[oa]|rejeitad[oa]|recusad[oa]'), 'rejected'],
  // `Depreciated`: a common misspelling, never another status.
  [words('deprecated|depreciated|obsolete|outdated|retired|archived|reverted|rolled back|revoked|no longer applies'
    + '|dépréciée?|obsolète|veraltet|obsolet[oa]?|descontinuad[oa]'), 'deprecated'],
];

function firstStated(lower: string, pattern: RegExp): number {
  for (const match of lower.matchAll(pattern)) if (!DENIED.test(lower.slice(0, match.index))) return match.index;
  return -1;
}

/** `Partially superseded by [0008]`, `Accepted (Partially Superseded)`, `V1 portion superseded by`: still in force for the rest. */
const PARTLY_SUPERSEDED_WORDS = '(?:partially|partly|in part) super[sc]eded|portions? super[sc]eded|super[sc]eded in part';
const PARTLY_SUPERSEDED = wholeWords(PARTLY_SUPERSEDED_WORDS, 'g');
const SAYS_PARTLY_SUPERSEDED = wholeWords(PARTLY_SUPERSEDED_WORDS, 'i');

/** Whether a status says the record was superseded in part (and so still stands, accepted, for the rest). */
export function isPartlySuperseded(status: string): boolean {
  return SAYS_PARTLY_SUPERSEDED.test(status);
}

function classify(written: string): DecisionStatus {
  const lower = written.replace(PARTLY_SUPERSEDED, ' ');
  if (SUPERSEDED.test(lower)) return 'superseded';
  let best: DecisionStatus = 'unknown';
  let bestAt = Infinity;
  for (const [pattern, status] of KEYWORDS) {
    const at = firstStated(lower, pattern);
    if (at !== -1 && at < bestAt) {
      best = status;
      bestAt = at;
    }
  }
  // Superseded in part only: it was accepted, and the rest of it stands.
  return best === 'unknown' && lower !== written ? 'accepted' : best;
}

export function normalizeStatus(text: string): NormalizedStatus {
  const trimmed = text.trim();
  const bracketed = /^[[{](.*)[\]}]$/s.exec(trimmed);
  if (bracketed) {
    const inner = bracketed[1] ?? '';
    // `[proposed | accepted]`, `[Proposed, Accepted, Deprecated, Superseded]`: the template's choices, none made.
    const options = inner.split(CHOICES).map((o) => o.trim()).filter((o) => o.length > 0);
    if (options.length === 1 && !/[[\]{}]/.test(inner)) return { status: classify((options[0] ?? '').toLowerCase()), placeholder: true };
    return { status: 'unknown', placeholder: true };
  }
  const lower = trimmed.toLowerCase().replace(/[*_`]/g, '');
  // `proposed, accepted, rejected, deprecated, superseded, ...` without brackets: still the template's choices.
  const choices = new Set(lower.split(CHOICES).map((option) => classify(option)).filter((status) => status !== 'unknown'));
  if (choices.size >= 3) return { status: 'unknown', placeholder: true };
  return { status: classify(lower), placeholder: false };
}
