// Signal decisions kept between analyses (the extension's refreshes): thousands of
// them, of which a refresh after one commit changes a handful. A decision is
// reused when its unit (the same object: SignalUnitBuilder keeps a unit whose
// groups did not change), its PR record and the people its witnesses name are what they were.
// Its witnesses are named again every time, in the order a fresh build names
// them, so the resolver ends in the state a fresh analysis leaves it in.
import type { PullRequest } from '../model/history';
import type { Decision } from '../model/report';
import type { ToolClass } from '../people/bots';
import type { SignalUnit } from '../signals/units';
import type { Witness } from './evidence';

export interface RememberedDecision {
  pullRequest: PullRequest | undefined;
  witnesses: readonly Witness[];
  /** The person each witness named, and whether that person was a bot or an assistant, when the decision was built. */
  people: readonly string[];
  tools: ReadonlyArray<ToolClass | null>;
  decision: Decision;
}

export class SignalDecisionMemo {
  private fingerprint: string | undefined;
  private entries = new WeakMap<SignalUnit, RememberedDecision>();

  /** Starts a build: forgets every decision when what they all share (roster, areas, weights, review keys) changed. */
  begin(fingerprint: string): void {
    if (fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    this.entries = new WeakMap();
  }

  get(unit: SignalUnit): RememberedDecision | undefined {
    return this.entries.get(unit);
  }

  set(unit: SignalUnit, entry: RememberedDecision): void {
    this.entries.set(unit, entry);
  }
}
