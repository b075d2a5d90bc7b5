// The part of history one analysis reads (a HistoryScope for the git pass): the
// files the signal rules classify, and one change per commit matching each
// CODEOWNERS pattern (the drift check). Its key changes with the rules, so a
// history cached under other rules is read again rather than misread.
import { createHash } from 'node:crypto';
import type { DecisionOrbitConfig } from '../config/schema';
import type { HistoryScope } from '../model/history';
import { createPathClassifier, type PathClassifier } from '../signals/rules';
import { rulesMatching, type CodeownersRule, type RulesOfPath } from './codeowners';

/** Raised when what a scope keeps changes under the same rules (2: deletions of signal files are kept, Gopkg.toml is a manifest; 3: tests, examples and vendored code are left out; 4: reStructuredText pages are kept as records may be). */
const SCOPE_VERSION = 4;

/**
 * `classify` and `rulesOf`: the analysis' classifier of these signals and matcher of these
 * rules, when it has them (each path is classified and matched once per analysis).
 */
export function historyScope(signals: DecisionOrbitConfig['signals'], codeowners: readonly CodeownersRule[], classify: PathClassifier = createPathClassifier(signals), rulesOf: RulesOfPath = rulesMatching(codeowners)): HistoryScope {
  const patterns = codeowners.map((rule) => rule.pattern);
  const key = createHash('sha256').update(JSON.stringify({ version: SCOPE_VERSION, signals, patterns })).digest('hex').slice(0, 16);
  return {
    key,
    keeps: (path) => classify(path) !== null,
    groupsOf: rulesOf,
  };
}
