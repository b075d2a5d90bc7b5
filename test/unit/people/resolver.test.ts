// One person per human, never two humans as one: literal identities as repositories spell them.
import assert from 'node:assert/strict';
import { configSchema } from '../../../src/core/config/schema';
import { parseIdentityText } from '../../../src/core/people/normalize';
import { createIdentityResolver, parseMailmap } from '../../../src/core/people';
import type { IdentityResolver } from '../../../src/core/model/people';

function resolver(config: unknown = {}): IdentityResolver {
  return createIdentityResolver({ mailmap: parseMailmap(''), config: configSchema.parse(config) });
}

/** A resolver given the history's commit authors and trailer identities up front, as the analysis makes it. */
function history(authors: Array<[string, string]>, config: unknown = {}, trailers: Array<[string, string]> = []): IdentityResolver {
  const identities = (list: Array<[string, string]>): Array<{ name: string; email: string }> => list.map(([name, email]) => ({ name, email }));
  return createIdentityResolver({ mailmap: parseMailmap(''), config: configSchema.parse(config), history: { authors: identities(authors), trailers: identities(trailers) } });
}

describe('identity resolver: one person per human', () => {
  it('meets the login a quoted nickname gives (`Steve "Ardalis" Smith`, `ardalis`), never the people at the same domain', () => {
    const r = history([['Steve "Ardalis" Smith', 'steve@kentsmiths.com'], ['ardalis', '782127+ardalis@users.noreply.github.com'], ['Scott DePouw', 'scott@ardalis.com']]);
    const steve = r.resolveIdentity('Steve "Ardalis" Smith', 'steve@kentsmiths.com').id;
    assert.equal(r.resolveIdentity('ardalis', '782127+ardalis@users.noreply.github.com').id, steve);
    assert.notEqual(r.resolveIdentity('Scott DePouw', 'scott@ardalis.com').id, steve);
    const other = history([['Ann "The Boss" Lee', 'ann@acme.io'], ['boss', 'boss@other.io']]);
    assert.notEqual(other.resolveIdentity('boss', 'boss@other.io').id, other.resolveIdentity('Ann "The Boss" Lee', 'ann@acme.io').id, 'a nickname of words is no login');
  });

  it('meets GitHub handles in record fields with noreply addresses, with or without the number', () => {
    const people = resolver();
    const mark = people.resolveIdentity('Mark Wallace', '127216156+markwallace-microsoft@users.noreply.github.com').id;
    assert.equal(people.resolveText('@markwallace-microsoft').id, mark);
    assert.equal(people.resolveText('markwallace-microsoft').id, mark);
    assert.equal(people.resolveText('markwallace').id, mark, 'the name with its space left out');
    assert.equal(people.resolveIdentity('markwallace-microsoft', 'markwallace-microsoft@users.noreply.github.com').id, mark);
    const person = people.person(mark);
    assert.deepEqual(person?.seenAs, ['@markwallace-microsoft', 'markwallace', 'markwallace-microsoft']);
    assert.deepEqual(person?.mergedBecause, [
      '"@markwallace-microsoft" has the GitHub handle markwallace-microsoft',
      '"markwallace": the same full name with spaces, case or CamelCase left out',
      '"markwallace-microsoft" is a GitHub handle of theirs',
      'markwallace-microsoft <markwallace-microsoft@users.noreply.github.com> has the GitHub handle markwallace-microsoft',
    ]);
    assert.equal(people.people().length, 1);
  });

  it('merges after the fact: a handle or a run-together name a record gave first meets the commits that come later, and shows the full name', () => {
    const handleFirst = resolver();
    const mark = handleFirst.resolveText('@markwallace-microsoft').id;
    assert.equal(handleFirst.resolveIdentity('Mark Wallace', '127216156+markwallace-microsoft@users.noreply.github.com').id, mark);
    assert.deepEqual(handleFirst.people().map((p) => [p.name, p.seenAs]), [['Mark Wallace', ['@markwallace-microsoft']]]);
    const spelledFirst = resolver();
    const wallace = spelledFirst.resolveText('markwallace').id;
    assert.equal(spelledFirst.resolveIdentity('Mark Wallace', 'mark@acme.example').id, wallace);
    assert.deepEqual(spelledFirst.people().map((p) => p.name), ['Mark Wallace']);
    assert.ok(spelledFirst.person(wallace)?.mergedBecause?.some((why) => /spaces, case or CamelCase left out/.test(why)));
    const firstNameFirst = resolver();
    const markAlone = firstNameFirst.resolveText('mark').id;
    assert.notEqual(firstNameFirst.resolveIdentity('Mark Wallace', 'mark.w@elsewhere.example').id, markAlone, 'a first name alone is not the full name');
  });

  it('meets a roster name with its CamelCase, lower-case and accent-free spellings, never by initials', () => {
    const people = resolver({ leadership: [{ name: 'Sergey Menshykh', role: 'CTO' }, { name: 'José Núñez', role: 'VP' }] });
    const sergey = people.resolveText('Sergey Menshykh').id;
    assert.equal(people.resolveIdentity('SergeyMenshykh', 'menshykh.s@example.com').id, sergey);
    assert.equal(people.resolveText('sergey menshykh').id, sergey);
    assert.equal(people.resolveIdentity('Jose Nunez', 'jn@example.com').id, people.resolveText('José Núñez').id);
    for (const other of ['S. Menshykh', 'S Menshykh', 'SM', 'Sergey']) assert.notEqual(people.resolveText(other).id, sergey, other);
    assert.notEqual(people.resolveIdentity('Sergey', 'sergey.other@example.com').id, sergey);
  });

  it('spells letters without an accent to drop as their writers do: ø, æ, ł, ß, đ', () => {
    const people = resolver({ leadership: [{ name: 'Jørgen Ødegård', role: 'CTO' }] });
    const jorgen = people.resolveText('Jørgen Ødegård').id;
    assert.equal(jorgen, 'jorgen-odegard', 'a slug keeps every letter');
    assert.equal(people.resolveIdentity('Jorgen Odegard', 'jorgen@example.com').id, jorgen);
    assert.equal(people.resolveIdentity('Łukasz Wróbel', 'lw@example.com').id, 'lukasz-wrobel');
    assert.equal(people.resolveIdentity('Lukasz Wrobel', 'lukasz.wrobel@example.org').id, 'lukasz-wrobel');
    assert.equal(people.resolveIdentity('Đỗ Việt Hoàng', 'hoang@example.com').id, 'do-viet-hoang');
    assert.equal(people.resolveIdentity('Æsa Straße', 'aesa@example.com').id, 'aesa-strasse');
    // A hyphenated family name with a letter V8 cannot decompose stays one name, not an initial and a stump.
    const rune = people.resolveIdentity('Rune Tømmerås Larsen', 'rune@home.example').id;
    assert.equal(people.resolveIdentity('Tømmerås-Larsen', 'rune.tommeras-larsen@agency.example').id, rune);
    assert.equal(people.person(rune)?.name, 'Rune Tømmerås Larsen');
  });

  it('makes the id of a name without Latin letters from the handle or the mailbox, never a numbered "someone"', () => {
    const people = resolver();
    assert.equal(people.resolveIdentity('悲鸣', '57223696+jiaxinonly@users.noreply.github.com').id, 'jiaxinonly');
    assert.equal(people.resolveIdentity('杨丽', 'yangligh228@mail.example').id, 'yangligh228');
    assert.equal(people.resolveIdentity('陳傑夫', 'info@chen.example').id, 'someone', 'a generic mailbox names nobody');
    assert.equal(people.person('yangligh228')?.name, '杨丽');
  });

  it('reads a name a record writes as a link as the name it shows, with a GitHub profile\'s handle or a mailto address', () => {
    assert.deepEqual(parseIdentityText('[Angelo Veltens](https://angelo.veltens.example/profile/card#me)'), { name: 'Angelo Veltens' });
    assert.deepEqual(parseIdentityText('[jg10](https://github.com/jg10)'), { name: 'jg10', handle: 'jg10' });
    assert.deepEqual(parseIdentityText('[@Ann-Lee](https://github.com/ann-lee/)'), { handle: 'ann-lee' });
    assert.deepEqual(parseIdentityText('[Ann Lee](mailto:ann@acme.example)'), { name: 'Ann Lee', email: 'ann@acme.example' });
    assert.deepEqual(parseIdentityText('[Ann Lee](https://github.com/acme/app/pull/12)'), { name: 'Ann Lee' }, 'a link to a PR names no handle');
    const people = resolver();
    const angelo = people.resolveIdentity('Angelo Veltens', 'angelo@veltens.example').id;
    assert.equal(people.resolveText('[Angelo Veltens](https://angelo.veltens.example/profile/card#me)').id, angelo);
    const jg = people.resolveIdentity('J G', '12345+jg10@users.noreply.github.com').id;
    assert.equal(people.resolveText('[jg10](https://github.com/jg10)').id, jg);
    assert.equal(people.people().length, 2);
  });

  it('reads a trailer that left out the angle brackets as a name and an address', () => {
    const people = resolver();
    const pete = people.resolveIdentity('Pete Faulconbridge', '37048459+bryophyta@users.noreply.github.com').id;
    assert.equal(people.resolveText('Pete Faulconbridge 37048459+bryophyta@users.noreply.github.com').id, pete);
    assert.equal(people.resolveText('Marko Baricevic marbar3778@mail.example').id, people.resolveIdentity('Marko Baricevic', 'marbar3778@mail.example').id);
    assert.equal(people.people().length, 2);
  });

  it('reads "Name @handle" in a trailer without an address as that person', () => {
    const people = resolver();
    const andrew = people.resolveIdentity('Andrew Hesky', '12345+andhesky@users.noreply.github.com').id;
    assert.equal(people.resolveText('Andrew Hesky @andhesky').id, andrew);
    const fresh = resolver();
    const first = fresh.resolveText('Andrew Hesky @andhesky').id;
    assert.equal(fresh.resolveIdentity('andhesky', 'andhesky@users.noreply.github.com').id, first);
    assert.equal(fresh.person(first)?.name, 'Andrew Hesky');
  });

  it('merges conservatively: a shorter or partly equal name is someone else', () => {
    const people = resolver({ leadership: [{ name: 'Bob Li', role: 'CTO', aliases: ['bob@acme.io'] }] });
    const bob = people.resolveText('Bob Li').id;
    assert.notEqual(people.resolveIdentity('Bob', 'bob@elsewhere.io').id, bob);
    assert.notEqual(people.resolveIdentity('Bob Lin', 'bl@acme.io').id, bob);
    assert.equal(people.resolveIdentity('bob li', 'bob.li@old.io').id, bob);
  });

  it('undoes a merge in config with notSame, and keeps the identity kept apart in one person', () => {
    const config = { leadership: [{ name: 'Dana Chen', role: 'CTO', aliases: ['dana@acme.io'], notSame: ['dana.chen@contractor.io', '@danachen'] }] };
    const people = resolver(config);
    const dana = people.resolveText('Dana Chen').id;
    const contractor = people.resolveIdentity('Dana Chen', 'dana.chen@contractor.io').id;
    assert.notEqual(contractor, dana);
    assert.equal(people.resolveIdentity('Dana Chen', 'dana.chen@contractor.io').id, contractor);
    assert.equal(people.resolveIdentity('Dana Chen', 'dana@acme.io').id, dana);
    const handle = people.resolveText('@danachen').id;
    assert.notEqual(handle, dana);
    assert.equal(people.resolveText('@danachen').id, handle);
    assert.equal(people.person(dana)?.mergedBecause, undefined);
  });

  it('rejects a notSame that is not a list of strings', () => {
    assert.throws(() => configSchema.parse({ people: [{ name: 'X', notSame: 'y' }] }));
    assert.throws(() => configSchema.parse({ people: [{ name: 'X', notSame: [''] }] }));
  });
});

describe('identity resolver: the spellings of real histories', () => {
  it('meets a git name that is a login, an e-mail that spells the name and a reversed name', () => {
    const people = resolver();
    const steve = people.resolveIdentity('sj-williams', 'steve.williams@agency.gov.example').id;
    assert.equal(people.resolveIdentity('Steve Williams', '105657964+sj-williams@users.noreply.github.com').id, steve);
    const chris = people.resolveIdentity('ChrisBAshton', 'christopher.ashton@agency.example').id;
    assert.equal(people.resolveIdentity('Chris Ashton', 'chrisbashton@users.noreply.github.com').id, chris);
    const seb = people.resolveIdentity('Sebastian', 'sebastian.schmieschek@agency.example').id;
    assert.equal(people.resolveIdentity('Sebastian Schmieschek', 'sebastian@schmie.example').id, seb);
    const gareth = people.resolveIdentity('Gareth Trufitt', 'gtrufitt@users.noreply.github.com').id;
    assert.equal(people.resolveIdentity('Gareth', 'gtrufitt@mail.example').id, gareth);
    const alex = people.resolveIdentity('alex', '152680487+azukiboy@users.noreply.github.com').id;
    assert.equal(people.resolveIdentity('alex', '152680487+bodhi-crypo@users.noreply.github.com').id, alex, 'one account, renamed');
    const zarko = people.resolveIdentity('Zarko Milosevic', 'zarko@informal.example').id;
    assert.equal(people.resolveIdentity('Milosevic, Zarko', 'zare@company.example').id, zarko);
  });

  it('keeps apart first names, initials and generic mailboxes', () => {
    const people = resolver();
    const max = people.resolveIdentity('Max', 'max.levy@quoine.example').id;
    assert.notEqual(people.resolveIdentity('Maxim Khitrov', 'max@mxcrypt.example').id, max);
    assert.notEqual(people.resolveIdentity('Max Other', '9+max@users.noreply.github.com').id, max);
    const roch = people.resolveIdentity('Roch Trinqué', 'roch.trinque@agency.example').id;
    const ruth = people.resolveIdentity('Ruth Trinque', 'ruth@home.example').id;
    const login = people.resolveIdentity('rtrinque', '36071946+rtrinque@users.noreply.github.com').id;
    assert.ok(login !== roch && login !== ruth, 'an initial and a family name two people share');
    const albert = people.resolveIdentity('Albert', 'github@albert.example').id;
    assert.notEqual(people.resolveIdentity('Alex Gartner', 'github@agartner.example').id, albert);
    assert.notEqual(people.resolveIdentity('Marko', 'marko@one.example').id, people.resolveIdentity('Marko', 'marko.b@two.example').id, 'a first name alone');
    assert.equal(people.resolveIdentity('hvanz', 'h@one.example').id, people.resolveIdentity('hvanz', 'h@two.example').id, 'a login');
  });
});

describe('identity resolver: identities a third one shows to be one person', () => {

  it('joins two people when one identity has the name of one and the address of the other, in any order, and says why', () => {
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 0, 2]]) {
      const identities: Array<[string, string]> = [
        ['rtrinque', '36071946+rtrinque@users.noreply.github.com'],
        ['Roch Trinqué', 'roch.trinque@agency.example'],
        ['rtrinque', 'roch.trinque@agency.example'],
      ];
      const people = history(order.map((i) => identities[i] as [string, string]));
      const roch = people.resolveIdentity('Roch Trinqué', 'roch.trinque@agency.example').id;
      assert.equal(people.resolveIdentity('rtrinque', '36071946+rtrinque@users.noreply.github.com').id, roch, `order ${order.join(',')}`);
      assert.equal(people.resolveText('@rtrinque').id, roch);
      assert.deepEqual(people.people().map((p) => p.name), ['Roch Trinqué']);
      const because = people.person(roch)?.mergedBecause ?? [];
      // The bridging identity met last joins two people already made.
      const bridged = order[2] === 2;
      assert.equal(because.some((why) => why.startsWith('one person: rtrinque <roch.trinque@agency.example> has their e-mail address')), bridged, JSON.stringify(because));
    }
  });

  it('joins transitively: a full name over two addresses, and a login over a third', () => {
    const people = history([
      ['Zach', 'zach.ramsay@mail.example'],
      ['zramsay', 'zach@old-employer.example'],
      ['Zach Ramsay', 'zach@consulting.example'],
      ['Zach Ramsay', 'zach.ramsay@mail.example'],
      ['zramsay', 'zach@consulting.example'],
      ['Zach', 'zach@old-employer.example'],
    ]);
    assert.deepEqual(people.people().map((p) => [p.name, p.emails]), [['Zach Ramsay', ['zach.ramsay@mail.example', 'zach@consulting.example', 'zach@old-employer.example']]]);
  });

  it('meets a noreply handle that is another identity\'s e-mail box, a box that is a full name run together, and a first name with the family name as box', () => {
    const people = history([
      ['Edward', '19875457+ealitten@users.noreply.github.com'],
      ['Edward Litten', 'ea.litten@mail.example'],
      ['Charlotte', '43961396+cemms1@users.noreply.github.com'],
      ['Charlotte Emms', '43961396+cemms1@users.noreply.github.com'],
      ['Charlotte', 'charlotteemms@live.example'],
      ['Charlotte', 'charlotte.emms@news.example'],
      ['jay tseng', 'jay.tseng@crypto.example'],
      ['jayt106', 'jaytseng106@mail.example'],
      ['roch', 'trinque@free.example'],
      ['Roch Trinqué', 'roch.trinque@agency.example'],
      ['Sophie', '26366706+sophie-macmillan@users.noreply.github.com'],
      ['Sophie', 'sophiemacmillan93@mail.example'],
      ['Marko Baricevic', 'marbar3778@mail.example'],
      ['Marko', 'marko@baricevic.example'],
      ['Albert', 'github@albert.example'],
      ['Albert', 'me@albert.example'],
    ]);
    assert.deepEqual(people.people().map((p) => p.name), ['Albert', 'Charlotte Emms', 'Edward Litten', 'jay tseng', 'Marko Baricevic', 'Roch Trinqué', 'Sophie']);
  });

  it('never joins two people through a shared team mailbox, two people sharing a first name, or a bot and a person', () => {
    const people = history([
      ['Alice Smith', 'alice@acme.example'],
      ['Alice Smith', 'team@acme.example'],
      ['Bob Jones', 'team@acme.example'],
      ['Bob Jones', 'bob@acme.example'],
      ['Marko', 'marko@one.example'],
      ['Marko Baricevic', 'marko.baricevic@two.example'],
      ['Marko', 'marko.b@three.example'],
      ['Giuliano', 'giuliano@one.example'],
      ['Giuliano', 'giuliano@galois.example'],
      ['Albert', 'albert@mail.example'],
      ['Albert', 'albert@post.example'],
      ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'],
      ['dependabot', 'dependabot@users.noreply.github.com'],
      ['Dependabot Fan', 'dependabot@users.noreply.github.com'],
    ]);
    const alice = people.resolveIdentity('Alice Smith', 'alice@acme.example').id;
    const bob = people.resolveIdentity('Bob Jones', 'bob@acme.example').id;
    assert.notEqual(alice, bob);
    assert.equal(people.resolveIdentity('Alice Smith', 'team@acme.example').id, alice);
    assert.equal(people.resolveIdentity('Bob Jones', 'team@acme.example').id, bob);
    const markos = new Set([['Marko', 'marko@one.example'], ['Marko Baricevic', 'marko.baricevic@two.example'], ['Marko', 'marko.b@three.example']].map(([n, e]) => people.resolveIdentity(n ?? '', e ?? '').id));
    assert.equal(markos.size, 3, 'a first name alone joins nobody');
    assert.notEqual(people.resolveIdentity('Giuliano', 'giuliano@one.example').id, people.resolveIdentity('Giuliano', 'giuliano@galois.example').id);
    assert.notEqual(people.resolveIdentity('Albert', 'albert@mail.example').id, people.resolveIdentity('Albert', 'albert@post.example').id, 'a provider is not their own domain');
    const bot = people.resolveIdentity('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com').id;
    assert.ok(people.isBot(bot));
    assert.ok(people.people().filter((p) => !p.isBot).every((p) => !p.emails.some((e) => e.includes('[bot]'))));
  });

  it('lets a co-author trailer bridge two authors, and lists a person met only in trailers once the analysis names them', () => {
    const people = history([
      ['Charlotte', 'cemms@news.example'],
      ['Charlotte Emms', '43961396+cemms1@users.noreply.github.com'],
    ], {}, [
      ['Charlotte Emms', 'cemms@news.example'],
      ['Robert Zaremba', 'robert@zaremba.example'],
    ]);
    assert.deepEqual(people.people().map((p) => [p.name, p.emails]), [['Charlotte Emms', ['43961396+cemms1@users.noreply.github.com', 'cemms@news.example']]]);
    const robert = people.resolveText('Robert Zaremba <robert@zaremba.example>').id;
    assert.deepEqual(people.people().map((p) => p.id), [people.resolveIdentity('Charlotte', 'cemms@news.example').id, robert].sort());
  });

  it('keeps configured people and notSame pairs apart whatever bridges them', () => {
    const people = history([
      ['Dana Chen', 'dana@acme.example'],
      ['dchen', '77+dchen@users.noreply.github.com'],
      ['dchen', 'dana@acme.example'],
      ['Dan Chen', 'dan@acme.example'],
      ['Dan Chen', 'dchen@contractor.example'],
      ['Dana Chen', 'dchen@contractor.example'],
    ], {
      leadership: [{ name: 'Dana Chen', role: 'CTO', aliases: ['dana@acme.example'], notSame: ['@dchen'] }],
      people: [{ name: 'Dan Chen', aliases: ['dan@acme.example'] }],
    });
    const dana = people.resolveText('Dana Chen').id;
    assert.notEqual(people.resolveIdentity('dchen', '77+dchen@users.noreply.github.com').id, dana);
    assert.notEqual(people.resolveText('Dan Chen').id, dana);
  });
});

describe('identity resolver: logins, machine accounts and decorations (one candidate or none)', () => {
  const names = (people: IdentityResolver): string[] => people.people().map((p) => p.name);

  it('joins a login that is a first initial and the family name with the one person it spells, and says why', () => {
    const people = history([['Jagbai', '33807790+jagbai@users.noreply.github.com'], ['James Agbai', 'james.agbai@justice.example']]);
    assert.deepEqual(names(people), ['James Agbai']);
    const james = people.resolveIdentity('James Agbai', 'james.agbai@justice.example').id;
    assert.equal(people.resolveText('@jagbai').id, james);
    assert.ok(people.person(james)?.mergedBecause?.some((why) => why.includes('jagbai is made of the name James Agbai')));
    const records = history([['John Smith', 'john@acme.example']]);
    const john = records.resolveIdentity('John Smith', 'john@acme.example').id;
    assert.equal(records.resolveText('jsmith').id, john, 'a record naming the login');
    records.resolveIdentity('Jane Smith', 'jane@acme.example');
    assert.notEqual(records.resolveText('j-smith').id, john, 'a second Smith met since: two fit, none is chosen');
    const later = history([['Lowe', 'lowe@acme.example']]);
    later.resolveText('@lxyzzy');
    const lisa = later.resolveIdentity('Lisa Lowe', 'lowe@acme.example').id;
    assert.equal(later.resolveText('llowe').id, lisa, 'a full name met after the first guess');
  });

  it('keeps an initial-and-family-name login apart when two full names fit, when its name says otherwise, and for a bot', () => {
    const two = history([['jagbai', '1+jagbai@users.noreply.github.com'], ['James Agbai', 'james@one.example'], ['Jane Agbai', 'jane@two.example']]);
    assert.equal(two.people().length, 3);
    const other = history([['Dave', '2+jsmith@users.noreply.github.com'], ['John Smith', 'john@acme.example']]);
    assert.equal(other.people().length, 2, '"Dave" is not John');
    const bot = history([['jsmith-bot', 'jsmith-bot@ci.example'], ['John Smith', 'john@acme.example']]);
    assert.equal(bot.people().length, 2);
  });

  it('joins a login of pieces of the name with a suffix of the organisation, a number or a middle name', () => {
    const people = history([
      ['camdesgov', '49409388+camdesgov@users.noreply.github.com'],
      ['Camille Descartes', 'camille.descartes@digital.agency.gov.example'],
      ['andresilva-guardian', 'andre.silva.contractor@news.example'],
      ['Andre Silva', 'andre.silva@news.example'],
      ['SamCook42', 'gitsam@samlr.example'],
      ['Sam Cook', 'sam.cook@agency.example'],
      ['Joshua', 'jlieb10@users.noreply.github.com'],
      ['Joshua', 'joshuathomaslieberman@mail.example'],
      ['Joshua Lieberman', 'joshua.lieberman@news.example'],
      ['bernd-m', '43466467+bermuell@users.noreply.github.com'],
      ['Bernd Mueller', 'bernd@systems.example'],
      ['zbo14', 'zbalder68@mail.example'],
      ['zachary balder', 'zach@mail.example'],
    ]);
    assert.deepEqual(names(people), ['Andre Silva', 'Bernd Mueller', 'Camille Descartes', 'Joshua Lieberman', 'Sam Cook', 'zachary balder']);
  });

  it('keeps apart a login whose suffix changes the family name, and one whose address spells someone else', () => {
    const people = history([
      ['samcooke', 'samcooke@mail.example'],
      ['Sam Cook', 'sam.cook@agency.example'],
      ['tariqmoj', 'tariq.ali-adib@justice.example'],
      ['Tariq Mahmood', 'tariq.mahmood@justice.example'],
    ]);
    assert.equal(people.people().length, 4);
  });

  it('joins a first name at an address a machine made up with the one full-named person of that first name', () => {
    const people = history([['Ana', 'ana@UNKNOWN.Home'], ['Ana Fernandez', 'ana.fernandez@agency.example'], ['Jae', 'jae@Jaes-MacBook-Pro.local'], ['Jae Kwon', 'jae@chain.example']]);
    assert.deepEqual(names(people), ['Ana Fernandez', 'Jae Kwon']);
    const ana = people.resolveIdentity('Ana Fernandez', 'ana.fernandez@agency.example').id;
    assert.ok(people.person(ana)?.mergedBecause?.some((why) => why.includes('Ana at a made-up address')));
  });

  it('joins a first name at a placeholder address (git\'s own you@example.com) the same way, and only with the one person of that first name', () => {
    const people = history([['Tamara', 'tamara@example.com'], ['Tamara Vukovic', 'tamara.vukovic@logee.example'], ['Marija', 'marija@example.org']]);
    assert.deepEqual(names(people), ['Marija', 'Tamara Vukovic']);
    const tamara = people.resolveIdentity('Tamara Vukovic', 'tamara.vukovic@logee.example').id;
    assert.ok(people.person(tamara)?.mergedBecause?.some((why) => why.includes('Tamara at a made-up address')));
    assert.equal(history([['Tamara', 'tamara@example.com'], ['Tamara Vukovic', 'tv@logee.example'], ['Tamara Lee', 'tl@other.example']]).people().length, 3);
  });

  it('joins a login of a whole first name and the organisation of their address with the one such person', () => {
    const people = history([
      ['Tamara Vukovic', 'tamara.vukovic@logeecom.example'], ['tamaralogeecom', '81744738+tamaralogeecom@users.noreply.github.com'],
      ['John Smith', 'john.smith@acme.example'], ['john-acme', '5+john-acme@users.noreply.github.com'],
      ['Tamara Lee', 'tamara.lee@gmail.com'], ['tamaragmail', '6+tamaragmail@users.noreply.github.com'],
    ]);
    assert.deepEqual(names(people), ['John Smith', 'Tamara Lee', 'Tamara Vukovic', 'tamaragmail'], 'a public mail service is no organisation');
    const tamara = people.resolveIdentity('Tamara Vukovic', 'tamara.vukovic@logeecom.example').id;
    assert.ok(people.person(tamara)?.mergedBecause?.some((why) => why.includes("the login tamaralogeecom is the first name of Tamara Vukovic and a word of their organisation's address")));
    const two = history([['Tamara Vukovic', 'tv@logeecom.example'], ['Tamara Ilic', 'ti@logeecom.example'], ['tamaralogeecom', '7+tamaralogeecom@users.noreply.github.com']]);
    assert.equal(two.people().length, 3, 'two Tamaras at the organisation: the login is neither\'s');
    assert.equal(history([['Joe Bloggs', 'joe@acme.example'], ['joe-acme', '8+joe-acme@users.noreply.github.com']]).people().length, 2, 'a first name under four letters ties nobody');
  });

  it('keeps a machine-made first name apart when two full names share it, at a real host, or when its box is another word', () => {
    assert.equal(history([['Ana', 'ana@laptop.local'], ['Ana Fernandez', 'ana.f@agency.example'], ['Ana Lopez', 'ana.l@agency.example']]).people().length, 3);
    assert.equal(history([['Ana', 'ana@mail.example'], ['Ana Fernandez', 'ana.f@agency.example']]).people().length, 2);
    assert.equal(history([['Ana', 'dev@laptop.local'], ['Ana Fernandez', 'ana.f@agency.example']]).people().length, 2);
  });

  it('reads a name without its decoration, and joins it with the plain name', () => {
    const people = history([
      ['(Admin) Jonathan Ruda', 'admin.jonathan.ruda@mac.lan'],
      ['j-ruda-guardian', 'jonathan.ruda.contractor@news.example'],
      ['John Smith [ACME]', 'js@acme.example'],
      ['John Smith', 'john@home.example'],
      ['¨Oscar Wyatt¨', '¨mail@oscarwyatt.example¨'],
      ['Oscar Wyatt', 'mail@oscarwyatt.example'],
    ]);
    assert.deepEqual(people.people().map((p) => [p.name, p.seenAs?.includes('(Admin) Jonathan Ruda') ?? false]), [['John Smith', false], ['Jonathan Ruda', true], ['Oscar Wyatt', false]]);
    assert.ok(people.people().every((p) => p.emails.every((e) => /^[a-z0-9.@+-]+$/.test(e))), 'quotes are not part of an address');
  });

  it('joins one decorated name written alike at two addresses, and keeps apart two decorations of a first name', () => {
    const people = history([
      ['Alex | Interchain Labs', 'alex@interchain.example'],
      ['Alex | Interchain Labs', 'alex@cosmos.example'],
      ['Alex | Other Co', 'alex@other.example'],
      ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'],
    ]);
    assert.deepEqual(people.people().map((p) => [p.name, p.emails.length, p.isBot]), [['Alex', 2, false], ['Alex', 1, false], ['dependabot[bot]', 1, true]]);
  });

  it('never takes a machine account for a name: a tool whose work is its driver\'s, or the person its address names', () => {
    const people = history([
      ['Ubuntu', 'ubuntu@ip-10-0-0-1.ec2.internal'],
      ['Ubuntu', 'ubuntu@ip-10-0-0-2.ec2.internal'],
      ['ec2-user', 'ec2-user@ip-10-0-0-3.ec2.internal'],
      ['', 'root@build-7.local'],
      ['name', 'email'],
      ['root', 'jane.doe@acme.example'],
      ['Jane Doe', 'jane@home.example'],
    ]);
    const machines = ['ubuntu@ip-10-0-0-1.ec2.internal', 'ubuntu@ip-10-0-0-2.ec2.internal', 'ec2-user@ip-10-0-0-3.ec2.internal', 'root@build-7.local', 'email'];
    for (const email of machines) assert.equal(people.isAssistant(people.resolveIdentity('Ubuntu', email).id), true, email);
    const jane = people.resolveIdentity('Jane Doe', 'jane@home.example').id;
    assert.equal(people.resolveIdentity('root', 'jane.doe@acme.example').id, jane);
    assert.equal(people.isAssistant(jane), false);
    assert.deepEqual(people.person(jane)?.seenAs, ['jane.doe', 'root']);
  });

  it('keeps a machine\'s box a person\'s when a name comes with it, the mailmap names them, or the config gives it as an alias', () => {
    const named = history([['Jane Doe', 'ubuntu@ip-10-0-0-1.ec2.internal']]);
    assert.equal(named.isAssistant(named.resolveIdentity('Jane Doe', 'ubuntu@ip-10-0-0-1.ec2.internal').id), false);
    const mapped = createIdentityResolver({
      mailmap: parseMailmap('Jane Doe <jane@acme.example> <ubuntu@ip-10-0-0-1.ec2.internal>\n'), config: configSchema.parse({}),
      history: { authors: [{ name: 'Ubuntu', email: 'ubuntu@ip-10-0-0-1.ec2.internal' }], trailers: [] },
    });
    const viaMailmap = mapped.resolveIdentity('Ubuntu', 'ubuntu@ip-10-0-0-1.ec2.internal').id;
    assert.equal(mapped.isAssistant(viaMailmap), false);
    assert.equal(mapped.person(viaMailmap)?.name, 'Jane Doe');
    const configured = history([['Ubuntu', 'ubuntu@ip-10-0-0-1.ec2.internal']], { people: [{ name: 'Jane Doe', aliases: ['ubuntu@ip-10-0-0-1.ec2.internal'] }] });
    const viaAlias = configured.resolveIdentity('Ubuntu', 'ubuntu@ip-10-0-0-1.ec2.internal').id;
    assert.equal(configured.isAssistant(viaAlias), false);
    assert.equal(configured.person(viaAlias)?.name, 'Jane Doe');
  });
});

describe('identity resolver: variants of one name (each the other\'s only fit, docs/adr/0017)', () => {
  const groups = (people: IdentityResolver): string[][] => people.people().map((p) => [p.name, ...(p.seenAs ?? []).filter((s) => !s.startsWith('@'))].sort());

  it('joins a name with and without a middle name or initial, shows the fullest and says why', () => {
    const people = history([['Ann Lee', 'ann.lee@acme.example'], ['Ann B Lee', 'annbl@mail.example'], ['Ann Beth Lee', '7+annbethlee@users.noreply.github.com']]);
    assert.deepEqual(people.people().map((p) => p.name), ['Ann Beth Lee']);
    const ann = people.resolveIdentity('Ann Lee', 'ann.lee@acme.example').id;
    assert.ok(people.person(ann)?.mergedBecause?.some((why) => /a middle name or initial left out by one, and no one else's name fits/.test(why)));
  });

  it('keeps apart two people with one first and family name and different middle initials, and the plain name beside both', () => {
    const two = history([['Ann B Lee', 'ann@north.example'], ['Ann C Lee', 'ann@south.example']]);
    assert.equal(two.people().length, 2);
    const three = history([['Ann Lee', 'ann.lee@acme.example'], ['Ann B Lee', 'ann@north.example'], ['Ann C Lee', 'ann@south.example']]);
    assert.equal(three.people().length, 3, 'Ann Lee fits both: no one is chosen');
    const otherMiddle = history([['Ann Beth Lee', 'ann@north.example'], ['Ann Carol Lee', 'ann@south.example']]);
    assert.equal(otherMiddle.people().length, 2);
    const otherFamily = history([['Ann Lee', 'ann@north.example'], ['Ann B Leeds', 'ann@south.example']]);
    assert.equal(otherFamily.people().length, 2);
  });

  it('joins a first name and its short form with one family name at one organisation', () => {
    const people = history([['Jon Roe', 'jon.roe@acme.example'], ['Jonathan Roe', 'jonl.roe@acme.example']]);
    assert.deepEqual(groups(people), [['Jon Roe', 'Jonathan Roe']]);
    assert.ok(people.people()[0]?.mergedBecause?.some((why) => /a first name and its short form, the same family name, both at acme.example/.test(why)));
  });

  it('keeps a short form apart at public mail services or different organisations, beside two full forms, and for two unrelated first names', () => {
    assert.equal(history([['Jon Roe', 'jonroe@gmail.com'], ['Jonathan Roe', 'jonathan.roe@gmail.com']]).people().length, 2, 'gmail.com says nothing of an employer');
    assert.equal(history([['Jon Roe', 'jon@north.example'], ['Jonathan Roe', 'jonathan@south.example']]).people().length, 2);
    assert.equal(history([['Sam Roe', 'sam@acme.example'], ['Samuel Roe', 'samuel@acme.example'], ['Samantha Roe', 'samantha@acme.example']]).people().length, 3);
    assert.equal(history([['Samuel Roe', 'samuel@acme.example'], ['Samantha Roe', 'samantha@acme.example']]).people().length, 2);
    assert.equal(history([['John Roe', 'john@acme.example'], ['Jon Roe', 'jon@acme.example']]).people().length, 2, 'John is not short for Jon');
  });

  it('joins a first name with initials to the one full name they fit when the login agrees', () => {
    const people = history([
      ['Jo B', '3+job-org@users.noreply.github.com'], ['Jo Bell', 'jo.bell@news.example'], ['Jo Webb', 'jo.webb@news.example'],
      ['Sal C Y', '4+salseewhy@users.noreply.github.com'], ['Sal Young', 'sal.young@agency.example'],
      ['Kim LK', '5+kimii@users.noreply.github.com'], ['Kim Lee Kent', 'kim.kent@news.example'],
    ]);
    assert.deepEqual(groups(people), [['Jo B', 'Jo Bell'], ['Jo Webb'], ['Kim LK', 'Kim Lee Kent'], ['Sal C Y', 'Sal Young']]);
    const jo = people.resolveIdentity('Jo Bell', 'jo.bell@news.example').id;
    assert.ok(people.person(jo)?.mergedBecause?.some((why) => why.includes('"Jo B" is Jo Bell by the first name and initials, the login job-org agrees')));
  });

  it('keeps initials apart when two full names fit, a middle initial disagrees, the login says otherwise, or a box spells someone else', () => {
    assert.equal(history([['Jo B', '3+job-org@users.noreply.github.com'], ['Jo Bell', 'jo.bell@news.example'], ['Jo Brown', 'jo.brown@news.example']]).people().length, 3);
    assert.equal(history([['Kim LK', '5+kimii@users.noreply.github.com'], ['Kim Mae Kent', 'kim.kent@news.example']]).people().length, 2);
    assert.equal(history([['Jo B', '3+xyz-org@users.noreply.github.com'], ['Jo Bell', 'jo.bell@news.example']]).people().length, 2);
    assert.equal(history([['Jo B', 'jo.bloggs@news.example'], ['Jo Bell', 'jo.bell@news.example']]).people().length, 2);
    assert.equal(history([['D Chua', 'dc@news.example'], ['Dee Chua', 'dee.chua@news.example']]).people().length, 2, 'an initial is no first name');
  });

  it('joins a login of a first name and a number to the one full name with that first name', () => {
    const people = history([['Quill01', '9+quill-01@users.noreply.github.com'], ['Quill Farrow', 'quill.farrow@justice.example']]);
    assert.deepEqual(groups(people), [['Quill Farrow', 'Quill01']]);
    assert.ok(people.people()[0]?.mergedBecause?.some((why) => why.includes('the login quill01 is Quill Farrow\'s first name with a number')));
  });

  it('keeps a first name alone or with a number apart beside several full names of that first name, and a reversed name', () => {
    assert.equal(history([['Quill01', '9+quill-01@users.noreply.github.com'], ['Quill Farrow', 'qf@justice.example'], ['Quill Dane', 'qd@justice.example']]).people().length, 3);
    assert.equal(history([['Anna', '2+awxl@users.noreply.github.com'], ['Anna Beck', 'anna.beck@news.example'], ['Anna Lind', 'anna.lind@news.example']]).people().length, 3);
    assert.equal(history([['Anna', '2+awxl@users.noreply.github.com'], ['Anna Beck', 'anna.beck@news.example']]).people().length, 2, 'a first name with a login of other letters');
    assert.equal(history([['Llirab', '8+llirab@users.noreply.github.com'], ['Barill Khan', 'barill@chain.example']]).people().length, 2, 'a name reversed is a guess');
  });

  it('meets a name only a record gives with the one person of the history it is a variant of', () => {
    const people = history([['Ann Lee', 'ann.lee@acme.example'], ['Bob Stone', 'bob@acme.example']]);
    const ann = people.resolveIdentity('Ann Lee', 'ann.lee@acme.example').id;
    const field = people.resolveText('Ann Beth Lee');
    assert.deepEqual(field, { id: ann, unknown: false });
    assert.ok(people.person(ann)?.mergedBecause?.some((why) => why.startsWith('"Ann Beth Lee" and "Ann Lee": the same first and family name, a middle name or initial left out by one')));
    assert.equal(people.resolveText('Bob Q Stone').id, people.resolveIdentity('Bob Stone', 'bob@acme.example').id);
    assert.equal(people.people().length, 2);
  });

  it('keeps a record\'s name apart when two people fit it, a middle name disagrees, or only initials or a short form would join it', () => {
    const two = history([['Ann B Lee', 'ann@north.example'], ['Ann C Lee', 'ann@south.example']]);
    assert.equal(two.resolveText('Ann Lee').unknown, true, 'Ann Lee fits both');
    const middle = history([['Ann Beth Lee', 'ann@north.example']]);
    assert.equal(middle.resolveText('Ann Carol Lee').unknown, true);
    const initials = history([['Jo Bell', 'jo.bell@news.example']]);
    assert.equal(initials.resolveText('J. Bell').unknown, true, 'never by initials');
    assert.equal(initials.resolveText('Jo B').unknown, true, 'initials need a login that agrees');
    const short = history([['Jonathan Roe', 'jonathan.roe@acme.example']]);
    assert.equal(short.resolveText('Jon Roe').unknown, true, 'a short form needs an address at one organisation');
  });

  it('never joins bots or two configured people by a variant, and notSame undoes one', () => {
    assert.equal(history([['dependabot[bot]', '1+dependabot[bot]@users.noreply.github.com'], ['dependabot-preview[bot]', '2+dependabot-preview[bot]@users.noreply.github.com']]).people().length, 2);
    const configured = history([['Ann Lee', 'ann.lee@acme.example'], ['Ann B Lee', 'annbl@mail.example']], {
      people: [{ name: 'Ann Lee', aliases: ['ann.lee@acme.example'] }, { name: 'Ann B Lee', aliases: ['annbl@mail.example'] }],
    });
    assert.equal(configured.people().length, 2);
    const undone = history([['Jon Roe', 'jon.roe@acme.example'], ['Jonathan Roe', 'jonl.roe@acme.example']], {
      people: [{ name: 'Jonathan Roe', aliases: ['jonl.roe@acme.example'], notSame: ['jon.roe@acme.example'] }],
    });
    assert.equal(undone.people().length, 2);
  });
});
