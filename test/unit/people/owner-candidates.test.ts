import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { reportSchema, type Report } from '../../../src/core/model/report';
import { ownerCandidates } from '../../../src/core/people/owner-candidates';

// The fixture company's report as the CLI writes it (test/golden/company.json).
const company: Report = reportSchema.parse(JSON.parse(readFileSync(path.join(__dirname, '../../golden/company.json'), 'utf8')));

function decision(id: string): Report['decisions'][number] {
  const found = company.decisions.find((candidate) => candidate.id === id);
  assert.ok(found, id);
  return found;
}

describe('ownerCandidates', () => {
  it('offers leadership in roster order, then who decided beside the record or worked on its area (most first), then everyone; bots never', () => {
    const { leadership, nearby, everyone } = ownerCandidates(company, decision('adr:docs/adr/0005-move-payments-to-cqrs.md'));
    assert.deepEqual(leadership.map((person) => person.name), ['Dana Chen', 'Arjun Patel']);
    // Carol decided 0002 and authored this record and the area's Dockerfile; Bob decided 0002 and PR #1; Frank decided 0006.
    assert.deepEqual(nearby.map((person) => person.name), ['Carol Diaz', 'Bob Li', 'Frank Osei']);
    assert.deepEqual(everyone.map((person) => person.name), ['Eve Moreau']);
  });

  it('lists each person once, however many identities the report merged into them', () => {
    const twice: Report = { ...company, people: [...company.people, ...company.people] };
    const { leadership, nearby, everyone } = ownerCandidates(twice, decision('adr:services/payments/docs/decisions/0001-idempotency-keys.md'));
    const ids = [...leadership, ...nearby, ...everyone].map((person) => person.id);
    assert.equal(ids.length, new Set(ids).size);
    assert.deepEqual([...ids].sort(), company.people.filter((person) => !person.isBot).map((person) => person.id).sort());
  });
});
