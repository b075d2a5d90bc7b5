// Everything about one decision: what, when, where, who decided, how involved
// each leader was, the evidence for it (who, role, source, file:line or commit),
// the record's decision text, its supersede links, and what the host can do
// with it (open the record, show a commit, set owners).
import { forgeEvidenceLink } from '../present/describe';
import type { Decision, Evidence } from '../core/model/report';
import { button, element } from './dom';
import { LEVEL_TEXT, ROLE_TEXT, shortSha, SOURCE_TEXT, STATUS_TEXT } from './format';
import { inVsCode, post } from './host';
import { renderMarkdown } from './markdown';
import type { ViewModel } from './view-model';

export interface DetailActions {
  open(id: string): void;
  close(): void;
}

function field(label: string, value: Node | string): HTMLElement[] {
  return [element('dt', { text: label }), element('dd', {}, [typeof value === 'string' ? document.createTextNode(value) : value])];
}

function people(model: ViewModel, ids: readonly string[]): string {
  return ids.map((id) => model.name(id)).join(', ') || 'nobody named';
}

function linkList(model: ViewModel, ids: readonly string[], actions: DetailActions): Node {
  if (ids.length === 0) return document.createTextNode('—');
  return element('span', {}, ids.map((id) => button(model.decisionsById.get(id)?.title ?? id, () => actions.open(id), { class: 'link-button' })));
}

function evidenceRef(item: Evidence): Node {
  const { ref } = item;
  const forge = forgeEvidenceLink(item);
  if (forge) return element('a', { text: forge.text, attributes: { href: forge.url, rel: 'noopener noreferrer nofollow', title: forge.url } });
  if (/^[0-9a-f]{40,64}$/.test(ref) && inVsCode) return button(shortSha(ref), () => post({ type: 'showCommit', sha: ref }), { class: 'link-button', title: `Show commit ${ref}` });
  return element('code', { text: shortSha(ref), attributes: { title: ref } });
}

function evidenceList(model: ViewModel, decision: Decision): HTMLElement {
  if (decision.evidence.length === 0) return element('p', { className: 'empty', text: 'No evidence: nobody is named and no commit was found.' });
  return element('section', { className: 'evidence', attributes: { 'aria-label': 'Evidence' } }, [
    element('h3', { text: `Evidence (${decision.evidence.length})` }),
    element('ul', { className: 'evidence-list' }, decision.evidence.map((item) => {
      const person = model.people.get(item.person);
      return element('li', { attributes: { 'data-person': item.person } }, [
        element('strong', { text: model.name(item.person) }),
        person?.isLeader ? element('span', { className: 'badge', text: 'leadership' }) : null,
        element('span', { text: ` — ${ROLE_TEXT[item.role]}, from a ${SOURCE_TEXT[item.source]}${item.inferred ? ' (inferred)' : ''}` }),
        element('span', { className: 'evidence-gives', text: item.level ? ` → ${LEVEL_TEXT[item.level]}` : '' }),
        element('span', { className: 'evidence-ref' }, [evidenceRef(item)]),
      ]);
    })),
  ]);
}

function leaderLevels(model: ViewModel, decision: Decision): string {
  if (model.report.leadership.length === 0) return 'no roster configured';
  return model.report.leadership.map((leader) => `${model.name(leader.person)}: ${LEVEL_TEXT[decision.involvementByLeader?.[leader.person] ?? 'around']}`).join(' · ');
}

function hostActions(decision: Decision): HTMLElement | null {
  if (!inVsCode) return null;
  const actions: HTMLElement[] = [];
  if (decision.source === 'adr') {
    actions.push(button('Open record', () => post({ type: 'openDecision', id: decision.id })));
    actions.push(button('Set owners…', () => post({ type: 'setOwners', id: decision.id })));
  }
  const landed = decision.commits[decision.commits.length - 1];
  if (decision.source === 'git' && landed) actions.push(button('Show commit', () => post({ type: 'showCommit', sha: landed })));
  if (decision.source === 'adr' && decision.commits[0]) {
    const added = decision.commits[0];
    actions.push(button('Show commit that added it', () => post({ type: 'showCommit', sha: added })));
  }
  return element('div', { className: 'detail-actions' }, actions);
}

export function renderDetail(model: ViewModel, decision: Decision, actions: DetailActions): HTMLElement {
  const level = model.levelOf(decision);
  const heading = element('h2', { text: decision.title, attributes: { id: 'detail-title', tabindex: '-1' } });
  const where = decision.path ?? '—';
  const list = element('dl', { className: 'detail-fields' }, [
    ...field('Kind', decision.source === 'adr' ? `ADR${decision.number === null ? '' : ` ${decision.number}`}` : `git signal: ${decision.kind}`),
    ...field('Status', `${STATUS_TEXT[decision.status]}${decision.statusText && decision.statusText.toLowerCase() !== decision.status ? ` (“${decision.statusText}”)` : ''}`),
    ...field('Date', decision.date ?? 'undated'),
    ...field('Area', decision.area),
    ...field(decision.source === 'adr' ? 'Record' : 'Files', decision.source === 'adr' ? element('code', { text: where }) : element('code', { text: (decision.files ?? []).join(', ') || where })),
    ...field('Pull request', decision.pr ?? '—'),
    ...field('Decision-makers', people(model, decision.decisionMakers)),
    ...field('Consulted', people(model, decision.consulted)),
    ...field('Informed', people(model, decision.informed)),
    ...field('Leadership', `${LEVEL_TEXT[level]} — ${leaderLevels(model, decision)}`),
    ...field('Weight', String(decision.weight)),
    ...field('Supersedes', linkList(model, decision.supersedes, actions)),
    ...field('Superseded by', linkList(model, decision.supersededBy, actions)),
    ...field('Commits', `${decision.commits.length}`),
  ]);
  const summary = decision.summary ? element('section', { className: 'detail-summary', attributes: { 'aria-label': 'The decision, as the record says it' } }, [renderMarkdown(decision.summary)]) : null;
  return element('aside', { className: `detail level-${level}`, attributes: { 'aria-labelledby': 'detail-title', 'data-id': decision.id } }, [
    element('div', { className: 'detail-head' }, [heading, button('Close', () => actions.close(), { class: 'close', 'aria-label': 'Close details' })]),
    hostActions(decision),
    list,
    summary,
    evidenceList(model, decision),
  ]);
}
