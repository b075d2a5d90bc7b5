import { version } from '../../package.json';

export const VERSION: string = version;

export const HELP_TEXT = `decision-orbit ${VERSION}
Maps who made a repository's technical decisions: ADRs and git history joined.

Usage:
  decision-orbit [PATH] [--json [--schema v1] | --md | --html FILE] [--since DATE] [--until DATE] [--config FILE] [--forge github]
  decision-orbit tag FILE [--decision-makers "A, B"] [--consulted "C"] [--informed "D"] [--status S]
  decision-orbit new "Title" [--dir DIR]

PATH defaults to the repository you stand in. With no format flag a readable
summary is printed: the zone verdict per leader, the decisions routed around
leadership, and warnings.

Options:
  --json          print the JSON report (schema decision-orbit/v2)
  --schema v1     with --json: the report in the v1 shape (one decision per unit
                  and kind, four verdicts), kept for one release
  --md            print a Markdown report
  --html FILE     write the interactive HTML report to FILE
  --since DATE    start of the window (YYYY-MM-DD); default: 180 days before --until,
                  widened per source to its last 20 decisions when those days hold fewer
  --until DATE    end of the window (YYYY-MM-DD); default: HEAD's committer date
  --config FILE   read this config file instead of .decision-orbit.yml
  --forge github  read PR reviews from GitHub (token: GITHUB_TOKEN or GH_TOKEN;
                  Enterprise: GH_HOST and GH_ENTERPRISE_TOKEN); off by default
  -h, --help      show this help
  -v, --version   show the version

Exit codes: 0 success, 1 analysis error, 2 bad usage.
`;
