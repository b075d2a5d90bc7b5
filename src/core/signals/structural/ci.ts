// CI as the decisions it records: which pipelines and jobs exist (a job added or
// removed is a gate or a stage of the pipeline), and what the release and deploy
// jobs do (the actions they use, the environments they deploy to). Action
// versions, caches, matrices, timeouts and the steps of other jobs are maintenance.
import { isRecord } from './manifests';
import { withYamlDocuments } from './yaml-documents';
import { setChanges, type ChangeFinding } from './findings';

export interface CiFacts {
  /** Pipelines by path; each holds its jobs and its delivery signature ("job deploy", "uses aws-actions/…", "environment prod"). */
  pipelines: Map<string, Set<string>>;
}

export function emptyCi(): CiFacts {
  return { pipelines: new Map() };
}

const DELIVERY = /deploy|release|publish|deliver|promot|rollout|ship/i;
/** GitLab's top-level keys that are settings, not jobs. */
const GITLAB_KEYWORDS = new Set(['stages', 'variables', 'include', 'default', 'workflow', 'image', 'services', 'before_script', 'after_script', 'cache', 'pages']);

function actionName(uses: string): string {
  return uses.replace(/@.*$/, '');
}

/**
 * Steps that prepare any job (check out, set up a toolchain, cache, pass artifacts) and
 * the repository's own composite actions say nothing about what a delivery job delivers
 * or where: swapping one for another is upkeep.
 */
const TOOLING_ACTION = /^(?:\.\/|actions\/(?:checkout|setup-[\w-]+|cache|upload-artifact|download-artifact)$)/;

function addAction(uses: string, signature: Set<string>): void {
  const name = actionName(uses);
  if (!TOOLING_ACTION.test(name)) signature.add(`uses ${name}`);
}

function githubJobs(document: Record<string, unknown>, signature: Set<string>): void {
  const jobs = document.jobs;
  if (!isRecord(jobs)) return;
  for (const [id, job] of Object.entries(jobs)) {
    // A job runs somewhere or calls a workflow: a mapping put under `jobs:` by mistake (`env:`) is none.
    if (!isRecord(job) || !('runs-on' in job || 'uses' in job || 'steps' in job)) continue;
    const name = typeof job.name === 'string' ? job.name : id;
    const environment = isRecord(job.environment) ? job.environment.name : job.environment;
    signature.add(`job ${id}`);
    if (!DELIVERY.test(`${id} ${name}`) && environment === undefined) continue;
    if (typeof environment === 'string') signature.add(`environment ${environment}`);
    if (typeof job.uses === 'string') addAction(job.uses, signature);
    for (const step of Array.isArray(job.steps) ? job.steps : []) if (isRecord(step) && typeof step.uses === 'string') addAction(step.uses, signature);
  }
}

function gitlabJobs(document: Record<string, unknown>, signature: Set<string>): void {
  for (const include of Array.isArray(document.include) ? document.include : document.include ? [document.include] : []) signature.add(`include ${JSON.stringify(include)}`);
  for (const [id, job] of Object.entries(document)) {
    if (GITLAB_KEYWORDS.has(id) || id.startsWith('.') || !isRecord(job)) continue;
    const stage = typeof job.stage === 'string' ? job.stage : '';
    const environment = isRecord(job.environment) ? job.environment.name : job.environment;
    signature.add(`job ${id}`);
    if (!DELIVERY.test(`${id} ${stage}`) && environment === undefined) continue;
    if (typeof environment === 'string') signature.add(`environment ${environment}`);
  }
}

function genericStages(text: string, signature: Set<string>): void {
  // Jenkinsfile, Travis, CircleCI and Azure files without a parse we trust: the
  // names of delivery stages and jobs.
  for (const m of text.matchAll(/stage\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*-?\s*(?:stage|job|deployment):\s*['"]?([\w .-]+)/gm)) {
    const name = (m[1] ?? m[2] ?? '').trim();
    if (DELIVERY.test(name)) signature.add(`stage ${name}`);
  }
  for (const m of text.matchAll(/^\s{0,2}([\w-]+):\s*$/gm)) if (DELIVERY.test(m[1] as string)) signature.add(`job ${m[1]}`);
}

const GITHUB_WORKFLOW = /^\.github\/workflows\/.*\.ya?ml$/;
const GITLAB_CI = /(?:^|\/)\.gitlab-ci\.yml$/;

function signatureOf(path: string, text: string, documents: unknown[] | null): Set<string> {
  const signature = new Set<string>();
  const document = documents?.find(isRecord);
  if (document && GITHUB_WORKFLOW.test(path)) githubJobs(document, signature);
  else if (document && GITLAB_CI.test(path)) gitlabJobs(document, signature);
  else genericStages(text, signature);
  return signature;
}

/**
 * The deepest collection githubJobs reads: a step of `jobs.X.steps`. gitlabJobs
 * writes out whole `include` entries, so it may read at any depth.
 */
const GITHUB_JOBS_DEPTH = 4;

export function readCi(path: string, text: string, facts: CiFacts): void {
  // Only these pipelines are read as YAML; the others' stages are found in the text.
  const github = GITHUB_WORKFLOW.test(path);
  const signature = github || GITLAB_CI.test(path) ? withYamlDocuments(text, (documents) => signatureOf(path, text, documents), github ? GITHUB_JOBS_DEPTH : Infinity) : signatureOf(path, text, null);
  facts.pipelines.set(path, signature);
}

export function compareCi(before: CiFacts, after: CiFacts): ChangeFinding[] {
  const found = setChanges('ci', 'pipeline', new Set(before.pipelines.keys()), new Set(after.pipelines.keys()));
  for (const [path, signature] of after.pipelines) {
    const was = before.pipelines.get(path);
    if (was) for (const change of setChanges('ci', path, was, signature)) found.push(change);
  }
  return found;
}
