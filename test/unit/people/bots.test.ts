import assert from 'node:assert/strict';
import { configSchema, DEFAULT_CONFIG } from '../../../src/core/config/schema';
import { createIdentityResolver, createToolClassifier, driverName, parseMailmap, type ToolClass, type ToolConfig } from '../../../src/core/people';

const builtIn = createToolClassifier({ bots: [], assistants: [] });

function classOf(name: string, email = '', classifier = builtIn): ToolClass | null {
  return classifier.classify({ name, email });
}

/** Each rule with identities it must take and lookalikes it must leave people. */
const RULES: Array<{ rule: string; tools: Array<[string, string, ToolClass]>; people: Array<[string, string]> }> = [
  {
    rule: '[bot] logins, as names or in GitHub noreply addresses',
    tools: [
      ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com', 'bot'],
      ['renovate[bot]', 'renovate[bot]@users.noreply.github.com', 'bot'],
      ['github-actions[bot]', '41898282+github-actions[bot]@users.noreply.github.com', 'bot'],
      ['Some Name', '12+kodiakhq[bot]@users.noreply.github.com', 'bot'],
    ],
    people: [['Bot Robertson', 'bot.robertson@acme.io'], ['Ann [bottle] Lee', 'ann@acme.io'], ['Talbot', '12+talbot@users.noreply.github.com']],
  },
  {
    rule: 'bot, noreply and automation local parts: bot@, noreply@, automation@, *-bot@, *_bot@, *.bot@, GitLab project and group bots',
    tools: [
      ['Mend Renovate', 'bot@renovateapp.com', 'bot'],
      ['Deploy', 'noreply@example.com', 'bot'],
      ['Release', 'no-reply@example.org', 'bot'],
      ['semantic-release-bot', 'semantic-release-bot@martynus.net', 'bot'],
      ['Snyk', 'snyk-bot@snyk.io', 'bot'],
      ['Build', 'ci_bot@acme.io', 'bot'],
      ['Deploy token', 'project_42_bot_3f2a@noreply.gitlab.example.com', 'bot'],
      ['Group token', 'group_7_bot@example.com', 'bot'],
      ['wasmCloud Automation', 'automation@wasmcloud.com', 'bot'],
    ],
    people: [
      ['Jane Talbot', 'talbot@acme.io'], ['Abbott', 'j.abbott@acme.io'], ['Robert Botha', 'robert.botha@acme.io'],
      ['Bottas', 'bottas@acme.io'], ['Ro Bot', 'ro.botanist@acme.io'], ['Iris', 'iris@bot.example.com'],
      ['Ann Automation', 'ann.automation@acme.io'], ['Automation Lead', 'automation.lead@acme.io'],
    ],
  },
  {
    rule: 'whole names of known bots and merge queues, a project Bot named in one word, Jenkins at its own box',
    tools: [
      ['dependabot', '', 'bot'], ['Renovate Bot', '', 'bot'], ['github actions', '', 'bot'], ['github-actions', '', 'bot'],
      ['Mergify', '', 'bot'], ['bors', '', 'bot'], ['kodiakhq', '', 'bot'], ['snyk-bot', '', 'bot'], ['Greenkeeper', '', 'bot'],
      ['ImgBotApp', 'imgbothelp@gmail.com', 'bot'], ['allcontributors', '', 'bot'], ['pre-commit-ci', '', 'bot'],
      ['Copybara-Service', 'copybara-worker@google.com', 'bot'], ['GitLab Bot', '', 'bot'], ['GitHub', 'noreply@github.com', 'bot'],
      ['GitHub Merge Queue', '', 'bot'], ['GitHub Actions Bot', '', 'bot'], ['Mergify Bot', '', 'bot'],
      ['GitHub Actions PlantUML Bot', '', 'bot'], ['Renovate Lockfile Bot', '', 'bot'],
      ['SyliusBot', 'contact@sylius.org', 'bot'], ['shopwareBot', 'shopwarebot@shopware.com', 'bot'], ['edX Transifex Bot', 'learner-engineering@edx.org', 'bot'],
      ['Jenkins', 'sre+jenkins@edx.org', 'bot'], ['jenkins', 'jenkins@ci-01.acme.io', 'bot'],
    ],
    people: [
      ['Renovate Smith', 'rsmith@acme.io'], ['Bors Andersen', 'bors.andersen@acme.io'], ['Mergify Team Lead', 'lead@acme.io'],
      ['Dependa Botswana', 'db@acme.io'], ['Jan Bot', 'jan@acme.io'], ['Abbot', ''], ['Marco Bot', ''], ['Actions Bot', ''],
      ['Renovate Smith', ''], ['Bors Andersen Talbot', ''], ['Ann Bot', ''],
      ['Talbot', 'talbot@acme.io'], ['TALBOT', ''], ['Abbot', 'abbot@acme.io'],
      ['Jenkins', 'rob.jenkins@acme.io'], ['Rob Jenkins', 'jenkins@acme.io'], ['Jenkins', ''],
    ],
  },
  {
    rule: 'names that say they are an account: a CI, build or deploy user, bot or robot, a "Bot from …"',
    tools: [
      ['GOV.UK Continuous Integration User', 'govuk-ci@users.noreply.github.com', 'bot'],
      ['Bot from GolangCI', '42910462+golangcibot@users.noreply.github.com', 'bot'],
      ['Acme CI Bot', 'ci@acme.io', 'bot'],
      ['Deployment Account', 'deploy@acme.io', 'bot'],
      ['Edx Deployment automation robot', 'edx-deployment@edx.org', 'bot'],
      ['OPG CI', 'opgtools+github@digital.justice.gov.uk', 'bot'],
      ['Microsoft Health', '29265076+MicrosoftHealthService@users.noreply.github.com', 'bot'],
    ],
    people: [
      ['Build Userson', 'b.userson@acme.io'], ['Ci Li', 'ci.li@acme.io'], ['Bot Robertson', 'bot.robertson@acme.io'], ['Release Manager Ada', 'ada@acme.io'],
      ['Wang Ci', 'wang.ci@acme.io'], ['Ann Service', '12+annservice@users.noreply.github.com'], ['Jo', '12+CustomerService@acme.io'], ['Ann Transifex', ''],
    ],
  },
  {
    rule: 'machine users\' logins ending in -ci, -robot, -automation or -semantic-release, as a name or from a GitHub address',
    tools: [
      ['acme-platform-ci', '74247767+acme-platform-ci@users.noreply.github.com', 'bot'],
      ['acme-platform-ci', 'platform+github@acme.io', 'bot'],
      ['k8s-ci-robot', '', 'bot'],
      ['Platform Team', '12+acme-release-automation@users.noreply.github.com', 'bot'],
      ['Build', '12+govuk-ci@users.noreply.github.com', 'bot'],
      ['edx-semantic-release', 'edx-semantic-release@edx.org', 'bot'],
    ],
    people: [
      ['li-ci', ''], ['Wang Ci', 'wang.ci@acme.io'], ['Marci', '12+marci@users.noreply.github.com'], ['Ci', ''],
      ['Robotham', 'j.robotham@acme.io'], ['Ann Automation', 'ann@acme.io'], ['civic-ci-fan', 'x@acme.io'], ['Ann Robot', 'ann.robot@acme.io'], ['release-manager', ''],
    ],
  },
  {
    rule: 'AI assistants by address or exact assistant identity, never by a person\'s name',
    tools: [
      ['Copilot', '198982749+Copilot@users.noreply.github.com', 'assistant'],
      ['copilot-swe-agent[bot]', '198982749+copilot-swe-agent[bot]@users.noreply.github.com', 'assistant'],
      ['Claude', 'noreply@anthropic.com', 'assistant'],
      ['claude[bot]', '', 'assistant'],
      ['Cursor Agent', 'cursoragent@cursor.com', 'assistant'],
      ['devin-ai-integration[bot]', '158243242+devin-ai-integration[bot]@users.noreply.github.com', 'assistant'],
      ['aider (gpt-4o)', 'noreply@aider.chat', 'assistant'],
      ['chatgpt-codex-connector[bot]', '', 'assistant'],
      ['gemini-code-assist[bot]', '', 'assistant'],
      ['sweep-ai[bot]', '', 'assistant'],
      ['jetbrains-junie[bot]', '201638009+jetbrains-junie[bot]@users.noreply.github.com', 'assistant'],
      ['junie-agent', '247260674+junie-agent@users.noreply.github.com', 'assistant'],
      ['google-labs-jules[bot]', '', 'assistant'],
      ['openhands', 'openhands@all-hands.dev', 'assistant'],
      ['Codex', '', 'assistant'],
      ['ChatGPT', '', 'assistant'],
      ['agent', '', 'assistant'],
      ['AI assistant', '', 'assistant'],
    ],
    people: [
      ['Junie', 'junie@acme.io'], ['Jules Verne', 'jules@acme.io'],
      ['Claude Monet', 'claude@monet.fr'], ['Claude', 'claude.dupont@acme.io'], ['Devin Park', 'devin@acme.io'],
      ['Gemini Okafor', 'gemini@acme.io'], ['Cursor', ''], ['Claude', ''], ['Sweep', 'sweep@acme.io'], ['Gemini', ''], ['Cline', ''], ['Codex Ng', ''], ['Agent Smith', ''], ['Ai', 'ai.suzuki@acme.jp'],
    ],
  },
];

describe('bots and AI assistants: anchored rules, names on both sides', () => {
  for (const { rule, tools, people } of RULES) {
    it(rule, () => {
      for (const [name, email, expected] of tools) assert.equal(classOf(name, email), expected, `${name} <${email}>`);
      for (const [name, email] of people) assert.equal(classOf(name, email), null, `${name} <${email}> is a person`);
    });
  }

  it('takes aider\'s "(aider)" suffix off: the commit is its driver\'s', () => {
    assert.equal(driverName('Dana Chen (aider)'), 'Dana Chen');
    assert.equal(driverName('Dana Chen (aider) Jr'), 'Dana Chen (aider) Jr');
  });

  it('adds configured bots and assistants by name, address or login glob; every field given must match', () => {
    const config: ToolConfig = {
      bots: ['Release Train', { email: '*@ci.acme.io' }, { login: 'deploy-*' }, { name: 'Ops', email: 'ops@acme.io' }],
      assistants: [{ email: 'agent@ai.acme.io' }, 'Acme Pilot'],
    };
    const configured = createToolClassifier(config);
    assert.equal(classOf('Release Train', '', configured), 'bot');
    assert.equal(classOf('Release Trainer', '', configured), null);
    assert.equal(classOf('Runner', 'runner-7@ci.acme.io', configured), 'bot');
    assert.equal(classOf('Runner', 'runner@acme.io', configured), null);
    assert.equal(configured.classify({ name: '', email: '', login: 'deploy-prod' }), 'bot');
    assert.equal(classOf('Deploy', '5+deploy-prod@users.noreply.github.com', configured), 'bot');
    assert.equal(configured.classify({ name: '', email: '', login: 'deployer' }), null);
    assert.equal(classOf('Ops', 'ops@acme.io', configured), 'bot');
    assert.equal(classOf('Ops', 'ops.person@acme.io', configured), null);
    assert.equal(classOf('Agent', 'agent@ai.acme.io', configured), 'assistant');
    assert.equal(classOf('acme pilot', '', configured), 'assistant');
    assert.equal(classOf('Acme Pilots', '', configured), null);
  });

  it('takes an account named after the repository, name and mailbox alike, for its automation; never a one-word name or another mailbox', () => {
    const inRepository = (repositoryName: string): ToolConfig => ({ bots: [], assistants: [], repositoryName });
    assert.equal(classOf('cloud-sdk-js', 'cloud-sdk-js@github.com', createToolClassifier(inRepository('cloud-sdk-js'))), 'bot');
    assert.equal(classOf('Cloud-SDK-JS', 'Cloud-SDK-JS@users.example.org', createToolClassifier(inRepository('cloud-sdk-js'))), 'bot');
    assert.equal(classOf('cloud-sdk-js', 'cloud-sdk-js@github.com'), null);
    assert.equal(classOf('cloud-sdk-js', 'cloud-sdk-js@github.com', createToolClassifier(inRepository('other-repo'))), null);
    assert.equal(classOf('alice', 'alice@example.org', createToolClassifier(inRepository('alice'))), null);
    assert.equal(classOf('john-doe', 'john.doe@acme.io', createToolClassifier(inRepository('john-doe'))), null);
    assert.equal(classOf('John Doe', 'john-doe@acme.io', createToolClassifier(inRepository('john-doe'))), null);
  });

  it('reads bots and assistants from the config file shape', () => {
    const config = configSchema.parse({ bots: ['Release Train'], assistants: [{ login: 'helper-ai' }] });
    assert.equal(configSchema.safeParse({ bots: [{}] }).success, false, 'a pattern names something');
    assert.equal(configSchema.safeParse({ assistants: [{ name: 'x', handle: 'y' }] }).success, false, 'unknown keys are errors');
    const resolver = createIdentityResolver({ mailmap: parseMailmap(''), config });
    assert.equal(resolver.isBot(resolver.resolveIdentity('Release Train', 'train@acme.io').id), true);
    assert.equal(resolver.isAssistant(resolver.resolveText('@helper-ai').id), true);
    assert.equal(resolver.isAssistant(resolver.resolveText('@helper').id), false);
  });
});

describe('identity resolver: tools and people kept apart', () => {
  const resolver = (): ReturnType<typeof createIdentityResolver> => createIdentityResolver({ mailmap: parseMailmap(''), config: DEFAULT_CONFIG });

  it('never joins the assistant "Claude <noreply@anthropic.com>" and Claude the person, whichever comes first', () => {
    for (const assistantFirst of [true, false]) {
      const r = resolver();
      const first = assistantFirst ? r.resolveIdentity('Claude', 'noreply@anthropic.com').id : r.resolveText('Claude').id;
      const second = assistantFirst ? r.resolveText('Claude').id : r.resolveIdentity('Claude', 'noreply@anthropic.com').id;
      const [assistant, person] = assistantFirst ? [first, second] : [second, first];
      assert.notEqual(assistant, person);
      assert.equal(r.isAssistant(assistant), true);
      assert.equal(r.isAssistant(person), false);
      assert.equal(r.isBot(person), false);
      assert.equal(r.resolveIdentity('Claude', 'claude@acme.io').id, person, 'a person named Claude with an address joins the person');
    }
  });

  it('keeps a person named like a bot a person, and a bot a bot', () => {
    const r = resolver();
    const talbot = r.resolveIdentity('Jane Talbot', 'talbot@acme.io').id;
    const bot = r.resolveIdentity('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com').id;
    assert.deepEqual([r.isBot(talbot), r.isAssistant(talbot), r.isBot(bot), r.isAssistant(bot)], [false, false, true, false]);
    assert.equal(r.person(bot)?.isBot, true);
    assert.equal(r.person(talbot)?.isBot, false);
    // A service account's login keeps its capitals in the address git gives, which the rule reads.
    const service = r.resolveIdentity('Microsoft Health', '29265076+MicrosoftHealthService@users.noreply.github.com').id;
    assert.equal(r.isBot(service), true);
  });

  it('gives an aider commit to the person whose address it carries', () => {
    const r = resolver();
    const dana = r.resolveIdentity('Dana Chen', 'dana@acme.io').id;
    assert.equal(r.resolveIdentity('Dana Chen (aider)', 'dana@acme.io').id, dana);
    const newcomer = r.resolveIdentity('Ola Nord (aider)', 'ola@acme.io').id;
    assert.equal(r.person(newcomer)?.name, 'Ola Nord');
    assert.equal(r.isAssistant(newcomer), false);
  });
});
