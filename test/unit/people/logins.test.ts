// Logins made of pieces of a name, names with decorations, and machine-made addresses: literal spellings.
import assert from 'node:assert/strict';
import { boxName, isMadeUpAddress, loginSpellsName, nameParts } from '../../../src/core/people/logins';
import { plainName } from '../../../src/core/people/names';

function spells(login: string, name: string, domains: string[] = []): boolean {
  const parts = nameParts(name);
  assert.ok(parts, name);
  return loginSpellsName(login, parts, new Set(domains));
}

describe('logins made of a name', () => {
  it('reads an initial or a piece of the first name, the family name or a piece of it, and a suffix', () => {
    for (const [login, name, domains] of [
      ['jsmith', 'John Smith'], ['j-smith', 'John Smith'], ['jsmith-acme', 'John Smith'], ['johsmigov', 'John Smith', ['agency', 'gov']],
      ['jlieb10', 'Joshua Lieberman'], ['andresilva-guardian', 'Andre Silva'], ['bermuell', 'Bernd Mueller'], ['SamCook42', 'Sam Cook'],
      ['joshuathomaslieberman', 'Joshua Lieberman'], ['kyphutruong', 'Ky Truong'], ['zcherrykynaston', 'Zef Cherry-Kynaston'], ['jagbai', 'Agbai, James'],
    ] as Array<[string, string, string[]?]>) assert.ok(spells(login, name, domains), `${login} ${name}`);
  });

  it('never reads a family name by its initial, a changed family name, too few letters or a first name alone', () => {
    for (const [login, name] of [
      ['jamieb', 'Jamie Byers'], ['smithj', 'John Smith'], ['samcooke', 'Sam Cook'], ['jsmi', 'John Smith'], ['john', 'John Smith'],
      ['alexander', 'Al Xander'], ['jsmithers', 'John Smith'], ['johsmigov', 'John Smith'], ['d.smith', 'John Smith'],
    ]) assert.equal(spells(login ?? '', name ?? ''), false, `${login} ${name}`);
    assert.equal(nameParts('J. Smith'), null, 'an initial is no first name');
    assert.equal(nameParts('Madonna'), null);
  });

  it('spells a full name from a box of two words only', () => {
    assert.equal(boxName('ky.truong@justice.example'), 'ky truong');
    assert.equal(boxName('dan-criddle+git@justice.example'), 'dan criddle');
    assert.equal(boxName('andre.silva.contractor@news.example'), null);
    assert.equal(boxName('j.smith@acme.example'), null);
  });

  it('tells an address a machine made up from a mailbox', () => {
    for (const email of ['ana@UNKNOWN.Home', 'jae@Jaes-MacBook-Pro.local', 'cason@gandria', 'x@mac.lan', 'u@ip-10-0-0-1.ec2.internal', 'me@box.localdomain']) assert.ok(isMadeUpAddress(email), email);
    for (const email of ['you@example.com', 'tamara@EXAMPLE.org', 'me@example.net']) assert.ok(isMadeUpAddress(email), `${email}: a placeholder`);
    for (const email of ['ana@mail.example', 'alina@31224.gnm.int', 'a@home.example.com', 'b@myexample.com']) assert.equal(isMadeUpAddress(email), false, email);
  });
});

describe('names as written', () => {
  it('leaves out a decoration around the name, and a machine account altogether', () => {
    assert.equal(plainName('(Admin) Jonathan Ruda'), 'Jonathan Ruda');
    assert.equal(plainName('John Smith [ACME]'), 'John Smith');
    assert.equal(plainName('Alex | Cosmos Labs'), 'Alex');
    assert.equal(plainName('¨Oscar Wyatt¨'), 'Oscar Wyatt');
    assert.equal(plainName('“LAKSHMIRPILLAI”'), 'LAKSHMIRPILLAI');
    assert.equal(plainName('Isabell (Issy) Long'), 'Isabell Long');
    for (const machine of ['Ubuntu', 'root', 'ec2-user', 'Administrator', 'Your Name', 'name', 'Email']) assert.equal(plainName(machine), '', machine);
  });

  it('keeps a bracket that is part of the name, and names that only look like accounts', () => {
    assert.equal(plainName('dependabot[bot]'), 'dependabot[bot]');
    assert.equal(plainName('Jane Root'), 'Jane Root');
    assert.equal(plainName('Debbie'), 'Debbie');
  });
});
