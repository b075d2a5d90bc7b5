import assert from 'node:assert/strict';
import { recordChange } from '../../../src/core/adr/record-change';

const NYGARD = `# 2. Use Kafka for events

Date: 2025-11-25

## Status

Accepted

## Context

Services need to exchange events; today they poll each other's databases.

## Decision

We will publish domain events to Kafka, one topic per aggregate.

## Consequences

Every service needs a Kafka client.
`;

const MADR4 = `---
status: accepted
date: 2026-01-09
decision-makers: [Dana Chen]
consulted: [Arjun Patel]
---

# Use PostgreSQL for the ledger

## Context and Problem Statement

The ledger needs transactions across accounts.

## Decision Drivers

* Strong consistency
* Team experience

## Considered Options

* PostgreSQL
* MongoDB

## Decision Outcome

Chosen option: "PostgreSQL", because it gives transactions across rows.
`;

const edit = (text: string, from: string, to: string): string => {
  assert.ok(text.includes(from), `the literal holds ${JSON.stringify(from)}`);
  return text.replace(from, to);
};

describe('what a later commit changed in a record', () => {
  describe('Nygard / adr-tools', () => {
    it('a status change (accepted → superseded) is a status change', () => {
      assert.equal(recordChange('doc/adr/0002-use-kafka.md', NYGARD, edit(NYGARD, 'Accepted\n', 'Superseded by [5. Use CQRS](0005-use-cqrs.md)\n')), 'status');
    });

    it('a link added under the status (amended by) changes the status as written', () => {
      assert.equal(recordChange('doc/adr/0002-use-kafka.md', NYGARD, edit(NYGARD, 'Accepted\n', 'Accepted\n\nAmended by [6. Keep events a year](0006-keep-events.md)\n')), 'status');
    });

    it('a change to the decision section is a decision change', () => {
      assert.equal(recordChange('doc/adr/0002-use-kafka.md', NYGARD, edit(NYGARD, 'one topic per aggregate', 'one topic per service')), 'decision');
    });

    it('a new title is a decision change', () => {
      assert.equal(recordChange('doc/adr/0002-use-kafka.md', NYGARD, edit(NYGARD, '# 2. Use Kafka for events', '# 2. Use RabbitMQ for events')), 'decision');
    });

    it('a typo fixed in the context is only other text', () => {
      const typo = edit(NYGARD, "each other's databases", "each others' databses");
      assert.equal(recordChange('doc/adr/0002-use-kafka.md', typo, NYGARD), 'other');
    });

    it('re-wrapping and re-formatting the decision is no change to it', () => {
      const rewrapped = edit(NYGARD, 'We will publish domain events to Kafka, one topic per aggregate.', 'We will publish **domain events**\nto Kafka: one topic per aggregate');
      assert.equal(recordChange('doc/adr/0002-use-kafka.md', NYGARD, rewrapped), 'other');
    });

    it('a Deciders line added under Date is only other text', () => {
      assert.equal(recordChange('doc/adr/0002-use-kafka.md', NYGARD, edit(NYGARD, 'Date: 2025-11-25\n', 'Date: 2025-11-25\nDeciders: Dana Chen\n')), 'other');
    });
  });

  describe('MADR 4', () => {
    it('a front-matter-only change (consulted, date) is only other text', () => {
      const more = edit(edit(MADR4, 'consulted: [Arjun Patel]', 'consulted: [Arjun Patel, Bob Li]'), 'date: 2026-01-09', 'date: 2026-01-10');
      assert.equal(recordChange('docs/adr/0001-postgresql.md', MADR4, more), 'other');
    });

    it('a status changed in front matter is a status change', () => {
      assert.equal(recordChange('docs/adr/0001-postgresql.md', MADR4, edit(MADR4, 'status: accepted', 'status: deprecated')), 'status');
      assert.equal(recordChange('docs/adr/0001-postgresql.md', edit(MADR4, 'status: accepted', 'status: proposed'), MADR4), 'accepted');
    });

    it('a change to the decision outcome is a decision change', () => {
      assert.equal(recordChange('docs/adr/0001-postgresql.md', MADR4, edit(MADR4, 'Chosen option: "PostgreSQL"', 'Chosen option: "MongoDB"')), 'decision');
    });

    it('decision drivers and considered options are not the decision', () => {
      const drivers = edit(edit(MADR4, '* Team experience', '* Team experience\n* Hosting cost'), '* MongoDB', '* MongoDB\n* CockroachDB');
      assert.equal(recordChange('docs/adr/0001-postgresql.md', MADR4, drivers), 'other');
    });
  });

  describe('MADR 2 bullets', () => {
    const MADR2 = `# Idempotency keys for payments

* Status: proposed
* Deciders: Carol Diaz
* Date: 2026-07-09

## Context and Problem Statement

Retries create double charges.

## Decision Outcome

Chosen option: a client-supplied idempotency key per request.
`;
    it('tells the status bullet from the deciders bullet; proposed → accepted is an acceptance', () => {
      assert.equal(recordChange('docs/adr/0001-idempotency.md', MADR2, edit(MADR2, '* Status: proposed', '* Status: accepted')), 'accepted');
      assert.equal(recordChange('docs/adr/0001-idempotency.md', MADR2, edit(MADR2, '* Status: proposed', '* Status: rejected')), 'status');
      assert.equal(recordChange('docs/adr/0001-idempotency.md', MADR2, edit(MADR2, '* Deciders: Carol Diaz', '* Deciders: Carol Diaz, Bob Li')), 'other');
    });
  });

  describe('a record without a decision section', () => {
    const FREE = `# Logging

Status: accepted

We log JSON lines to stdout and let the platform ship them.
`;
    it('takes its prose as the decision, its status line as the status', () => {
      assert.equal(recordChange('docs/decisions/logging.md', FREE, edit(FREE, 'JSON lines', 'plain text')), 'decision');
      assert.equal(recordChange('docs/decisions/logging.md', FREE, edit(FREE, 'Status: accepted', 'Status: deprecated')), 'status');
      assert.equal(recordChange('docs/decisions/logging.md', FREE, `${FREE}\n`), 'other');
    });
  });
});
