// What the Output channel says about one analysis: the repository, the window,
// the decisions per source (and how many count), the warnings, whether the history
// came from the cache, how long each phase took, and each warning about the
// repository as a whole in full (the Decisions view's warnings row points here).
import { windowWords, withoutControlChars } from '../../present/describe';
import type { AnalysisProgress } from '../../core/context';
import type { Report } from '../../core/model/report';
import { repositoryWarnings } from './repository-warnings';

/** Times the phases of one analysis: a phase runs from its progress message to the next. */
export class PhaseClock {
  private readonly phases: Array<{ name: string; ms: number }> = [];
  private current: { name: string; started: number } | undefined;
  history: AnalysisProgress['history'];

  constructor(private readonly now: () => number = () => performance.now()) {}

  take(progress: AnalysisProgress): void {
    if (progress.history) this.history = progress.history;
    // Counting messages ("Reading history: 5,000 commits") belong to the phase they report on.
    const name = progress.message.replace(/:.*$/, '');
    if (this.current?.name === name) return;
    this.stop();
    this.current = { name, started: this.now() };
  }

  stop(): void {
    if (this.current) this.phases.push({ name: this.current.name, ms: this.now() - this.current.started });
    this.current = undefined;
  }

  get summary(): string {
    return this.phases.map((phase) => `${phase.name} ${Math.round(phase.ms)} ms`).join(', ');
  }
}

function sourceCounts(report: Report, source: 'adr' | 'git'): string {
  const all = report.decisions.filter((decision) => decision.source === source);
  return `${all.length} ${source === 'adr' ? 'ADRs' : 'git signals'} (${all.filter((decision) => decision.counted).length} counted)`;
}

/** The lines the Output channel gets for a finished analysis. */
export function analysisLogLines(name: string, report: Report, elapsedMs: number, clock: PhaseClock): string[] {
  const cache = clock.history === undefined
    ? 'history cache: not reported'
    : clock.history.read === 0 ? 'history cache: hit (no new commits)' : `history cache: miss or partial (${clock.history.read} commits read from git, ${clock.history.kept} kept)`;
  const codes = [...new Set(report.warnings.map((warning) => warning.code))];
  return [
    `Analysed ${name} (${report.repository.root}) at ${report.repository.head?.slice(0, 12) ?? 'no commits'} in ${elapsedMs} ms`,
    `  window: ${windowWords(report)} up to ${report.repository.window.until}; roster: ${report.leadership.length} leader${report.leadership.length === 1 ? '' : 's'}`,
    `  decisions: ${sourceCounts(report, 'adr')}, ${sourceCounts(report, 'git')}`,
    `  warnings: ${report.warnings.length}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}; ${cache}`,
    `  phases: ${clock.summary}`,
    ...repositoryWarnings(report).map((warning) => `  warning (${warning.code}): ${withoutControlChars(warning.message)}`),
  ];
}
