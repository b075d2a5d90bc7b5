// What a long-lived host (the extension) keeps between analyses of a repository,
// so that a refresh after a commit reads and rebuilds only what the commit
// changed: what rev-parse told of the repository besides HEAD and whether it is a
// partial clone (while its `.git`, shallow and config files are unchanged), the history snapshot (also on disk, when given a folder), parsed
// records, the signal walk, the structural comparison of signal files, the
// signal units, the signal decisions, what later commits changed in records and
// the identities the resolver met, in the order it met them, the history's index
// and the identities its trailers name. Each part checks that what
// it kept still applies and starts over when it does not; a report from the
// cache is the report a fresh analysis gives.
import { AdrParseMemo } from './adr/parse-memo';
import { HistoryIndexMemo } from './analysis/history-index';
import { HistoryIdentitiesMemo } from './analysis/history-identities';
import { ResolverMemo } from './analysis/memo-resolver';
import { RecordEditMemo } from './analysis/record-edits';
import { DecisionMemo } from './analysis/decision-memo';
import { HistoryCache } from './git/history-cache';
import { RepositoryMemo } from './git/repository';
import { SignalDetector } from './signals/detect';
import { StructuralAssessor } from './signals/structural/assess';
import { SignalUnitBuilder } from './signals/units';

export class AnalysisCache {
  readonly history: HistoryCache;
  readonly repository = new RepositoryMemo();
  readonly records = new AdrParseMemo();
  readonly signals = new SignalDetector();
  readonly structure = new StructuralAssessor();
  readonly units = new SignalUnitBuilder();
  readonly decisions = new DecisionMemo();
  readonly recordEdits = new RecordEditMemo();
  readonly people = new ResolverMemo();
  readonly index = new HistoryIndexMemo();
  readonly identities = new HistoryIdentitiesMemo();

  /** `dir`: where the history snapshot is also written (never inside the repository). */
  constructor(readonly dir?: string) {
    this.history = new HistoryCache(dir);
  }
}
