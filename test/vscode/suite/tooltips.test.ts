// Repository text in the extension's Markdown (tree tooltips, hovers) is text: VS
// Code renders a MarkdownString as GFM, which links bare URLs, `www.` hosts and
// e-mail addresses while parsing, so each must reach it escaped where it starts.
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { decisionTooltip } from '../../../src/extension/trees/decision-item';
import { analysedReport, AUTOLINK_START, describeIn, workspaceRoot } from './helpers';

const HOSTILE = 'see https://evil.example/x or www.evil.example, mail dana@evil.example, [click](command:workbench.action.quit) <img src=x> $(alert) *b*';

const md = new MarkdownIt({ html: true, linkify: false });

describeIn(['single-folder'], 'tooltips escape repository text', () => {
  it('shows a hostile title, area and owner\'s name as text in a decision tooltip; its own links stay links', async () => {
    const { report } = await analysedReport();
    const decision = report.decisions.find((d) => d.source === 'git' && d.decisionMakers.length > 0 && d.evidence.some((e) => /^[0-9a-f]{40}$/.test(e.ref)));
    assert.ok(decision, 'a git decision with a decider and a commit');
    const owner = decision.decisionMakers[0];
    const hostileReport = { ...report, people: report.people.map((p) => (p.id === owner ? { ...p, name: HOSTILE } : p)) };
    const tooltip = decisionTooltip({ ...decision, title: HOSTILE, area: HOSTILE }, hostileReport, workspaceRoot());
    assert.doesNotMatch(tooltip.value, AUTOLINK_START, tooltip.value);
    const html = md.render(tooltip.value);
    assert.ok(html.split(md.utils.escapeHtml(HOSTILE)).length - 1 >= 3, `the title, the area and the name, each as written: ${html}`);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');
    assert.ok(hrefs.length > 0 && hrefs.every((href) => href.startsWith('command:decisionOrbit.')), `only the tooltip's own commit links: ${hrefs.join(' ')}`);
    assert.doesNotMatch(html, /<img|<strong>b<\/strong>/);
  });

});
