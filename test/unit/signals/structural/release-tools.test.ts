import assert from 'node:assert/strict';
import { isReleaseToolCommit } from '../../../../src/core/signals/structural/release-tools';

describe("a release tool's own commits", () => {
  it('are known by the subjects the tools write, and their reverts', () => {
    const written = [
      '[maven-release-plugin] prepare release james-project-3.8.0',
      '[maven-release-plugin] prepare for next development iteration',
      'Revert "[maven-release-plugin] prepare release james-project-3.6.0"',
      "[Gradle Release Plugin] - pre tag commit:  '1.4.0'.",
      "[Gradle Release Plugin] - new version commit:  '1.4.1-SNAPSHOT'.",
      'Setting version to 2.3.1-SNAPSHOT',
    ];
    assert.deepEqual(written.map(isReleaseToolCommit), written.map(() => true));
  });

  it('are not commits that name the tool or move a version by hand', () => {
    const byHand = [
      '[UPDATE] maven-release-plugin 3.0.1 -> 3.1.1',
      'Bump maven-release-plugin from 2.5.3 to 3.0.0',
      'Roll version to 3.10.0-SNAPSHOT (#2821)',
      'Setting version to 2.3.1 and adding kafka',
      'Release 4.0.0',
      'Fix the [maven-release-plugin] prepare step',
    ];
    assert.deepEqual(byHand.map(isReleaseToolCommit), byHand.map(() => false));
  });
});
