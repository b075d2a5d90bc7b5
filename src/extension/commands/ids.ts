// Every command id and view id of the extension, in one place; package.json's
// `contributes` uses the same strings.
export const COMMAND_IDS = {
  openMap: 'decisionOrbit.openMap',
  refresh: 'decisionOrbit.refresh',
  newRecord: 'decisionOrbit.newRecord',
  setOwners: 'decisionOrbit.setOwners',
  changeStatus: 'decisionOrbit.changeStatus',
  supersede: 'decisionOrbit.supersede',
  configureLeadership: 'decisionOrbit.configureLeadership',
  showDecisionsForFile: 'decisionOrbit.showDecisionsForFile',
  exportReport: 'decisionOrbit.exportReport',
  showOutput: 'decisionOrbit.showOutput',
  selectRepository: 'decisionOrbit.selectRepository',
  groupBy: 'decisionOrbit.groupDecisionsBy',
  openDecision: 'decisionOrbit.openDecision',
  connectGitHub: 'decisionOrbit.connectGitHub',
  disconnectGitHub: 'decisionOrbit.disconnectGitHub',
  filterSources: 'decisionOrbit.filterDecisionSources',
  showAllTime: 'decisionOrbit.showAllTime',
  showReportWindow: 'decisionOrbit.showReportWindow',
  openRecord: 'decisionOrbit.openRecord',
  revealInMap: 'decisionOrbit.revealInMap',
  showCommit: 'decisionOrbit.showCommit',
  copyLink: 'decisionOrbit.copyLink',
  /** Quick fixes' own commands, not in the palette. */
  replaceUnknownPerson: 'decisionOrbit.replaceUnknownPerson',
  unbraceDate: 'decisionOrbit.unbraceDate',
  addAlias: 'decisionOrbit.addAlias',
} as const;

export const VIEW_IDS = {
  container: 'decisionOrbit',
  decisions: 'decisionOrbit.decisions',
  leadership: 'decisionOrbit.leadership',
  routedAround: 'decisionOrbit.routedAround',
  currentFile: 'decisionOrbit.currentFile',
} as const;

export const CONTEXT_KEYS = {
  /**
   * Set once the views have their providers: until then VS Code would say "There is no data
   * provider registered…" in them, so a welcome on `!started` says the extension is starting.
   */
  started: 'decisionOrbit.started',
  hasRepository: 'decisionOrbit.hasRepository',
  hasRecords: 'decisionOrbit.hasRecords',
  hasLeadership: 'decisionOrbit.hasLeadership',
  analysed: 'decisionOrbit.analysed',
  /** Set once repository discovery has finished: before that, no view may say there is none. */
  discovered: 'decisionOrbit.discovered',
  analysing: 'decisionOrbit.analysing',
  /**
   * Set by the extension when it sees an untrusted workspace: the trust welcomes key on it,
   * not on `!isWorkspaceTrusted`, which holds for a moment at start-up in a trusted one too.
   */
  untrusted: 'decisionOrbit.untrusted',
  allTime: 'decisionOrbit.decisionsAllTime',
} as const;
