// Infrastructure as the decisions it records: which providers, resource types,
// module sources, images and services exist. Counts, sizes, names of instances
// and version tags within one major are maintenance.
import { baseName, folderOf } from '../rules';
import { addFacts } from './blob-facts';
import { isRecord } from './manifests';
import { withYamlDocuments } from './yaml-documents';
import { majorOf } from './version';
import { majorMove, setChanges, type ChangeFinding } from './findings';

export interface InfrastructureFacts {
  /** "provider aws", "resource aws_s3_bucket", "module git::…/vpc", "kind Deployment", "service api". */
  things: Set<string>;
  /** Image name → tag. */
  images: Map<string, string | null>;
  /** Runtime targets of managed services: "runtime python3.8", "engine_version 5". */
  runtimes: Set<string>;
  /**
   * What one resource or provider of one folder targets, by its address ("infra
   * aws_lambda_function.f runtime" → "python3.8", "infra provider aws" → "3"): moving
   * it is a decision even when the target is known elsewhere in the repository.
   */
  targets: Map<string, { kind: 'platform' | 'infrastructure'; value: string }>;
  /** Resource types and compose services by the folder that declares them ("infra resource aws_s3_bucket", "deploy service redis"). */
  placed: Set<string>;
}

export function emptyInfrastructure(): InfrastructureFacts {
  return { things: new Set(), images: new Map(), runtimes: new Set(), targets: new Map(), placed: new Set() };
}

function addImage(facts: InfrastructureFacts, reference: string): void {
  const clean = reference.trim().replace(/^["']|["']$/g, '');
  // Build-time variables and stage names are not images anyone chose here.
  if (!clean || clean.includes('$') || clean.includes('{{') || clean === 'scratch') return;
  const at = clean.indexOf('@');
  const bare = at >= 0 ? clean.slice(0, at) : clean;
  const colon = bare.lastIndexOf(':');
  const slash = bare.lastIndexOf('/');
  const [name, tag] = colon > slash ? [bare.slice(0, colon), bare.slice(colon + 1)] : [bare, null];
  facts.images.set(name, tag);
}

function readDockerfile(text: string, facts: InfrastructureFacts): void {
  const stages = new Set<string>();
  for (const m of text.matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/gim)) {
    const image = m[1] as string;
    if (!stages.has(image.toLowerCase())) addImage(facts, image);
    if (m[2]) stages.add(m[2].toLowerCase());
  }
}

const TERRAFORM_RUNTIME = /^\s*(runtime|engine_version|elasticsearch_version|kubernetes_version|cluster_version)\s*=\s*"([^"$]+)"/;
/** A top-level block's header: `resource "type" "name" {`, `provider "aws" {`, `terraform {`. */
const TERRAFORM_BLOCK = /^(resource|data|provider|module|terraform|variable|output|locals)\b(?:\s+"([^"]+)")?(?:\s+"([^"]+)")?/;

function isLowerCaseLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** A function's language runtime as written ("python3.8"); a database's or cluster's engine by its major. */
function terraformRuntime(attribute: string, value: string): string | null {
  return attribute === 'runtime' ? value.replace(/\.x$/, '') : majorOf(value);
}

function readTerraform(folder: string, text: string, facts: InfrastructureFacts): void {
  const code = text.replace(/#.*$|\/\/.*$/gm, '');
  let block = '';
  for (const line of code.split('\n')) {
    // The regular expressions only where they can match (a block header starts a line with a
    // lower-case word; every runtime attribute is named `runtime` or `*_version`): most lines are neither.
    const header = isLowerCaseLetter(line.charCodeAt(0)) ? TERRAFORM_BLOCK.exec(line) : null;
    if (header) block = [header[1], header[2], header[3]].filter(Boolean).join(' ');
    const runtime = line.includes('runtime') || line.includes('_version') ? TERRAFORM_RUNTIME.exec(line) : null;
    const value = runtime?.[1] && runtime[2] ? terraformRuntime(runtime[1], runtime[2]) : null;
    if (runtime?.[1] && value) {
      facts.runtimes.add(`${runtime[1]} ${value}`);
      if (block.startsWith('resource ')) facts.targets.set(`${folder} ${block} ${runtime[1]}`, { kind: 'platform', value });
    }
    // The provider block's own version (Terraform before 0.13).
    const version = block.startsWith('provider ') ? /^\s*version\s*=\s*"([^"]+)"/.exec(line)?.[1] : undefined;
    const major = majorOf(version);
    if (major) facts.targets.set(`${folder} ${block}`, { kind: 'infrastructure', value: major });
  }
  for (const m of code.matchAll(/^\s*provider\s+"([^"]+)"/gm)) facts.things.add(`provider ${m[1]}`);
  for (const m of code.matchAll(/^\s*(resource|data)\s+"([^"]+)"\s+"[^"]+"/gm)) {
    facts.things.add(`${m[1]} ${m[2]}`);
    if (m[1] === 'resource') facts.placed.add(`${folder} resource ${m[2]}`);
  }
  for (const m of code.matchAll(/^\s*module\s+"[^"]+"\s*\{([\s\S]*?)^\s*\}/gm)) {
    const source = /^\s*source\s*=\s*"([^"]+)"/m.exec(m[1] as string)?.[1];
    // A module's ref is its version; a local module path is the repository's own.
    if (source && !source.startsWith('.')) facts.things.add(`module ${source.replace(/[?&]ref=[^&]*/, '').replace(/\?$/, '')}`);
  }
  // required_providers entries (Terraform 0.13 on): `aws = { source = "hashicorp/aws", version = "~> 3.76" }`.
  for (const m of code.matchAll(/^\s*[\w-]+\s*=\s*\{([^}]*)\}/gm)) {
    const source = /\bsource\s*=\s*"([^"]+)"/.exec(m[1] as string)?.[1];
    if (!source) continue;
    const provider = source.split('/').pop() as string;
    facts.things.add(`provider ${provider}`);
    const major = majorOf(/\bversion\s*=\s*"([^"]+)"/.exec(m[1] as string)?.[1]);
    if (major) facts.targets.set(`${folder} provider ${provider}`, { kind: 'infrastructure', value: major });
  }
}

function walkYaml(value: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(value)) for (const item of value) walkYaml(item, visit);
  else if (isRecord(value)) for (const [key, child] of Object.entries(value)) {
    visit(key, child);
    walkYaml(child, visit);
  }
}

function readYaml(path: string, folder: string, text: string, facts: InfrastructureFacts): void {
  addFacts(facts, withYamlDocuments(text, (documents) => yamlFacts(path, folder, text, documents)));
}

function yamlFacts(path: string, folder: string, text: string, documents: unknown[] | null): InfrastructureFacts {
  const facts = emptyInfrastructure();
  const base = baseName(path);
  if (!documents) {
    // Templates (Helm) are not YAML until rendered: their kinds and images still show.
    for (const m of text.matchAll(/^kind:\s*(\w+)/gm)) facts.things.add(`kind ${m[1]}`);
    for (const m of text.matchAll(/^\s*-?\s*image:\s*(\S+)/gm)) addImage(facts, m[1] as string);
    return facts;
  }
  for (const document of documents) {
    if (!isRecord(document)) continue;
    if (typeof document.kind === 'string' && typeof document.apiVersion === 'string') facts.things.add(`kind ${document.kind}`);
    if (/compose/i.test(base) && isRecord(document.services)) {
      for (const service of Object.keys(document.services)) {
        facts.things.add(`service ${service}`);
        facts.placed.add(`${folder} service ${service}`);
      }
    }
    if (base === 'Chart.yaml' && Array.isArray(document.dependencies)) {
      for (const dep of document.dependencies) if (isRecord(dep) && typeof dep.name === 'string') facts.things.add(`chart ${dep.name} ${majorOf(String(dep.version ?? '')) ?? ''}`.trim());
    }
    walkYaml(document, (key, value) => {
      if (key === 'image' && typeof value === 'string') addImage(facts, value);
      if (key === 'image' && isRecord(value) && typeof value.repository === 'string') addImage(facts, `${value.repository}${typeof value.tag === 'string' ? `:${value.tag}` : ''}`);
    });
  }
  return facts;
}

/**
 * `folder` places what the file declares: the folder of the unit's new path on both
 * sides, so that a stack moved by a rename keeps its resources and targets.
 */
export function readInfrastructure(path: string, text: string, facts: InfrastructureFacts, folder = folderOf(path)): void {
  const base = baseName(path);
  if (/^Dockerfile|\.dockerfile$/i.test(base)) readDockerfile(text, facts);
  else if (base.endsWith('.tf')) readTerraform(folder, text, facts);
  else if (/\.ya?ml$/.test(base)) readYaml(path, folder, text, facts);
}

/**
 * Things and images added (a removal from some files says nothing about the
 * repository: the same resource type or image may live on elsewhere); an image's
 * major moved is platform.
 */
export function compareInfrastructure(before: InfrastructureFacts, after: InfrastructureFacts): ChangeFinding[] {
  const found = setChanges('infrastructure', 'infrastructure', before.things, after.things).filter((f) => f.introduces !== undefined);
  found.push(...setChanges('infrastructure', 'image', new Set(before.images.keys()), new Set(after.images.keys())).filter((f) => f.introduces !== undefined));
  for (const [image, tag] of after.images) {
    const move = before.images.has(image) ? majorMove('platform', image, before.images.get(image), tag) : null;
    if (move) found.push(move);
  }
  const moved = new Set<string>();
  for (const [address, target] of after.targets) {
    const was = before.targets.get(address)?.value;
    if (was === undefined || was === target.value) continue;
    found.push({ kind: target.kind, what: `${address} ${was} → ${target.value}` });
    moved.add(`runtime ${address.slice(address.lastIndexOf(' ') + 1)} ${target.value}`);
  }
  // A resource type or service a folder's changed files no longer declare: that stack gave it up.
  for (const thing of before.placed) if (!after.placed.has(thing)) found.push({ kind: 'infrastructure', what: `removed: ${thing}` });
  // A runtime some resource moved to is said once, as that move.
  found.push(...setChanges('platform', 'runtime', before.runtimes, after.runtimes).filter((f) => f.introduces !== undefined && !moved.has(f.introduces)));
  return found;
}
