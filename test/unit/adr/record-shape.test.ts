import assert from 'node:assert/strict';
import { readAdrs } from '../../../src/core/adr';
import { DEFAULT_CONFIG } from '../../../src/core/config/schema';
import { tempTree, type TempTree } from './temp-repo';

const nygard = (title: string, status: string): string => `# ${title}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Status\n\n${status}\n`;
/** A third-party review as such folders hold them: metadata and review sections, no status, no decision. */
const review = (title: string): string => `# ${title}\n\n## Metadata\n\n- Date: 17/08/2020\n- Author: Mariot Chauvin\n- Platform concerned: Web\n\n## Context\n\nA tag for analytics.\n\n## Data privacy engineering review\n\nNo cookies.\n\n## Recommended mitigations\n\n1. Remove the script.\n`;

describe('pages of an ADR subfolder that holds another kind of document', () => {
  let tree: TempTree;
  afterEach(() => tree.remove());

  it('reads only the pages written as records where most of a subfolder is not, and says so once', async () => {
    tree = tempTree({
      'docs/adr/001-react.md': nygard('Use React', 'Accepted'),
      'docs/adr/reviews/000-review-format.md': nygard('Third-party review format', 'Approved'),
      'docs/adr/reviews/001-tag-poc.md': review('Tag proof of concept'),
      'docs/adr/reviews/002-survey-tag.md': review('Survey tagging'),
      'docs/adr/reviews/003-screenshots.md': review('Screenshot service'),
    });
    const { records, warnings } = await readAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(records.map((r) => r.path), ['docs/adr/001-react.md', 'docs/adr/reviews/000-review-format.md']);
    assert.deepEqual(warnings.map((w) => [w.code, w.path]), [['adr-not-records', 'docs/adr/reviews']]);
    assert.match(warnings[0]?.message ?? '', /3 of its 4 pages have no status and no decision section.*only the one written as a decision record is read/);
  });

  it('keeps every page of a subfolder of records, a loosely written one among them, and of the ADR folder itself', async () => {
    tree = tempTree({
      'docs/adr/024-click-to-view.md': '# Click to view\n\n## Overview\n\nAn overlay before third-party embeds.\n',
      'docs/adr/025-pictures.md': '# Pictures\n\n## Background\n\nImages.\n',
      'docs/adr/026-styles.md': nygard('Styles', 'Accepted'),
      'docs/adr/historic/multiple-sites.md': '# Multiple sites\n\n## Context\n\nSites diverged.\n\n## Decision\n\nTeams build sites here.\n',
      'docs/adr/historic/percy.md': nygard('Use Percy', 'Deprecated'),
      'docs/adr/historic/dotenv.md': '# `.env` file\n\nValues in it should not be required.\n',
    });
    const { records, warnings } = await readAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(records.map((r) => r.path), [
      'docs/adr/024-click-to-view.md', 'docs/adr/025-pictures.md', 'docs/adr/026-styles.md',
      'docs/adr/historic/dotenv.md', 'docs/adr/historic/multiple-sites.md', 'docs/adr/historic/percy.md',
    ]);
    assert.deepEqual(warnings, []);
  });

  it('reads every page of a subfolder named in adr.paths, and never splits a folder-per-record record', async () => {
    tree = tempTree({
      'docs/adr/reviews/001-tag-poc.md': review('Tag proof of concept'),
      'docs/adr/reviews/002-survey-tag.md': review('Survey tagging'),
      'decision-records/2022-11-09-api/README.md': '# API refactoring\n\nNotes.\n',
      'decision-records/2022-11-09-api/options.md': '# Options\n\nA, B.\n',
    });
    const { records, warnings } = await readAdrs(tree.root, { ...DEFAULT_CONFIG, adr: { ...DEFAULT_CONFIG.adr, paths: ['docs/adr/reviews', 'decision-records'] } });
    assert.deepEqual(records.map((r) => r.path), ['decision-records/2022-11-09-api/README.md', 'docs/adr/reviews/001-tag-poc.md', 'docs/adr/reviews/002-survey-tag.md']);
    assert.deepEqual(warnings, []);
  });

  it('reads no unnumbered overview or guide beside numbered records, unless it is written as one or adr.paths names the folder', async () => {
    tree = tempTree({
      'docs/architecture/adr-001-repo.md': nygard('Repository structure', 'Proposed'),
      'docs/architecture/adr-002-relayer.md': '# IBC relayer\n\n## Context\n\nWhy.\n',
      'docs/architecture/adr-003-errors.md': nygard('Error management', 'Accepted'),
      'docs/architecture/architecture.md': '# Architecture\n\nThe crates and how they fit together.\n',
    });
    const { records, warnings } = await readAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(records.map((r) => r.path), ['docs/architecture/adr-001-repo.md', 'docs/architecture/adr-002-relayer.md', 'docs/architecture/adr-003-errors.md']);
    assert.deepEqual(warnings.map((w) => [w.code, w.path]), [['adr-not-records', 'docs/architecture']]);
    assert.match(warnings[0]?.message ?? '', /architecture\.md has no number, no status and no decision section beside 3 numbered records/);
    const named = await readAdrs(tree.root, { ...DEFAULT_CONFIG, adr: { ...DEFAULT_CONFIG.adr, paths: ['docs/architecture'] } });
    assert.equal(named.records.length, 4);
  });

  it('reads no introduction numbered 0 beside numbered records, unless it is written as a record or adr.paths names the folder', async () => {
    tree = tempTree({
      'docs/source/adr/000-intro.md': '# ADR Introduction\n\nHow we write records here.\n',
      'docs/source/adr/001-django.md': nygard('Django', 'Accepted'),
      'docs/source/adr/002-docker.md': nygard('Docker', 'Accepted'),
      'web/adr/000-use-records.md': nygard('Use records', 'Accepted'),
      'web/adr/001-react.md': nygard('React', 'Accepted'),
      'web/adr/002-sass.md': nygard('Sass', 'Accepted'),
    });
    const { records, warnings } = await readAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(records.map((r) => r.path), ['docs/source/adr/001-django.md', 'docs/source/adr/002-docker.md', 'web/adr/000-use-records.md', 'web/adr/001-react.md', 'web/adr/002-sass.md']);
    assert.deepEqual(warnings.map((w) => [w.code, w.path]), [['adr-not-records', 'docs/source/adr']]);
    assert.match(warnings[0]?.message ?? '', /000-intro\.md has number 0, no status and no decision section beside 2 numbered records, so it is an introduction/);
    const named = await readAdrs(tree.root, { ...DEFAULT_CONFIG, adr: { ...DEFAULT_CONFIG.adr, paths: ['docs/source/adr'] } });
    assert.ok(named.records.some((r) => r.path === 'docs/source/adr/000-intro.md'));
  });

  it('keeps a loosely written unnumbered page where other unnumbered pages are records', async () => {
    tree = tempTree({
      'docs/adr/001-react.md': nygard('Use React', 'Accepted'),
      'docs/adr/002-sass.md': nygard('Use Sass', 'Accepted'),
      'docs/adr/003-jest.md': nygard('Use Jest', 'Accepted'),
      'docs/adr/percy.md': nygard('Use Percy', 'Deprecated'),
      'docs/adr/dotenv.md': '# `.env` file\n\nValues in it should not be required.\n',
    });
    const { records, warnings } = await readAdrs(tree.root, DEFAULT_CONFIG);
    assert.equal(records.length, 5);
    assert.deepEqual(warnings, []);
  });
});
