import assert from 'node:assert/strict';
import { parseAdr } from '../../../src/core/adr';
import { SUMMARY_MAX_CHARS } from '../../../src/core/adr/summary';

describe('parseAdr: the summary the map shows', () => {
  it('takes the Decision section of a Nygard record, not the status or context', () => {
    const record = parseAdr('doc/adr/0002-use-kafka.md', '# 2. Use Kafka\n\nDate: 2025-11-24\n\n## Status\n\nAccepted\n\n## Context\n\nEvents.\n\n## Decision\n\nWe use **Kafka** for events.\n\n### Details\n\nThree brokers.\n\n## Consequences\n\nOps work.\n');
    assert.equal(record.summary, 'We use **Kafka** for events.\n\n### Details\n\nThree brokers.');
  });

  it('takes MADR "Decision Outcome", then the context, then the prose under the header fields', () => {
    assert.equal(parseAdr('a.md', '---\nstatus: accepted\n---\n# T\n\n## Context and Problem Statement\n\nWhy.\n\n## Decision Outcome\n\nChosen option: "A".\n').summary, 'Chosen option: "A".');
    assert.equal(parseAdr('b.md', '# T\n\n* Status: accepted\n\n## Context and Problem Statement\n\nWhy <!-- note --> now.\n').summary, 'Why  now.');
    assert.equal(parseAdr('c.md', '# T\n\n* Status: accepted\n* Date: 2026-01-02\n\nWe picked B.\n').summary, 'We picked B.');
    assert.equal(parseAdr('d.md', '# T\n').summary, '');
  });

  it('passes over "Decision Drivers" to the outcome, and reads numbered headings', () => {
    assert.equal(parseAdr('f.md', '# T\n\n## Context and Problem Statement\n\nWhy.\n\n## Decision Drivers\n\n* Cost\n\n## Decision Outcome\n\nChosen option: "B".\n').summary, 'Chosen option: "B".');
    assert.equal(parseAdr('g.md', '# T\n\n## 1. Context\n\nWhy.\n\n## 2. Decision:\n\nWe use C.\n').summary, 'We use C.');
  });

  it('clips a long section at a line boundary and says so', () => {
    const long = Array.from({ length: 200 }, (_, i) => `Line ${i} of the decision.`).join('\n');
    const summary = parseAdr('e.md', `# T\n\n## Decision\n\n${long}\n`).summary ?? '';
    assert.ok(summary.length <= SUMMARY_MAX_CHARS + 3, `${summary.length} chars`);
    assert.ok(summary.endsWith('\n\n…'));
    assert.ok(long.startsWith(summary.slice(0, -3)));
  });
});
