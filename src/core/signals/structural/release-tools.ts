// Commits a release tool writes by itself when it cuts a release: the project's own
// version moved in every manifest of a multi-module build (270 pom.xml files at a
// time), and nothing chosen. Their manifests are not read: for a Maven project with a
// few dozen releases they were most of the blobs an analysis read, and they can only
// ever be maintenance. Matched by the tools' own default subjects, anchored.
const RELEASE_TOOL_SUBJECT = /^(?:Revert "|Revert ')?(?:\[maven-release-plugin\] prepare |\[Gradle Release Plugin\] - (?:pre tag|new version) commit|Setting version to \S+$)/;

/** True when the tool wrote this commit's subject: maven-release-plugin's, gradle-release's or sbt-release's, or a revert of one. */
export function isReleaseToolCommit(subject: string): boolean {
  return RELEASE_TOOL_SUBJECT.test(subject);
}
