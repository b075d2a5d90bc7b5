// Infrastructure as the decisions it records: which providers, resource types,
// module sources, images and services exist. Counts, sizes, names of instances
// and version tags within one major are maintenance.
import { baseName, folderOf, HELM_CHART_FILE, K8S_DIRS } from '../rules';
import { addFacts } from './blob-facts';
import { isRecord } from './manifests';
import { DOCUMENT_SEPARATOR, holdsTemplateActions, withYamlDocuments } from './yaml-documents';
import { unreadText } from './yaml-outline';
import { majorOf } from './version';
import { majorMove, setChanges, type ChangeFinding } from './findings';
import { readTerraform } from './terraform';

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

/** Whether a value the outline left unread can hold an `image` key (see unreadText); true for one it read. */
function mayHoldImage(target: object, key: string | number): boolean {
  const text = unreadText(target, key);
  return text === null || text.includes('image');
}

/**
 * The values of every `image` key in the document, at any depth. A value the outline left
 * unread that cannot hold one (a chart's values file is full of block scalars and flow
 * lists) is passed over: reading it would send the whole text to `yaml`.
 */
function imageValues(value: unknown, found: (image: unknown) => void): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) if (mayHoldImage(value, index)) imageValues(value[index], found);
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (key !== 'image' && !mayHoldImage(value, key)) continue;
      const child = value[key];
      if (key === 'image') found(child);
      imageValues(child, found);
    }
  }
}

const CRD_KIND = /^kind:[ \t]*CustomResourceDefinition[ \t]*$/m;
const API_VERSION = /^apiVersion:[ \t]*["']?[a-z]/m;
const BLANK_DOCUMENT = /^(?:\s|#.*)*$/;

/**
 * Whether every document of the text is a CustomResourceDefinition: an operator's
 * generated schemas, often hundreds of kilobytes a version, whose properties (an `image`
 * among them) describe what others may write and name nothing this repository runs.
 */
function onlyCrds(text: string): boolean {
  if (!CRD_KIND.test(text)) return false;
  const parts = text.split(DOCUMENT_SEPARATOR).filter((part) => !BLANK_DOCUMENT.test(part));
  return parts.length > 0 && parts.every((part) => CRD_KIND.test(part) && API_VERSION.test(part));
}

/** A Helm chart's templates folder: what holds template actions there is a template, read line by line without trying YAML. */
const CHART_TEMPLATES = /(?:^|\/)templates\//;

/** A Cloud Foundry app manifest's top-level key: deployment manifests kept in a `manifests/` folder too. */
const CLOUD_FOUNDRY_APPLICATIONS = /^applications:[ \t]*$/m;

/**
 * A file of a manifests folder that deploys nothing (no Kubernetes `apiVersion:`, no Cloud
 * Foundry `applications:`): a project's own YAML kept under that name (a feature manifest,
 * megabytes a version), read as nothing.
 */
function deploysNothing(path: string, text: string): boolean {
  return K8S_DIRS.test(path) && !HELM_CHART_FILE.test(path) && baseName(path) !== 'kustomization.yaml' && !API_VERSION.test(text) && !CLOUD_FOUNDRY_APPLICATIONS.test(text);
}

function readYaml(path: string, folder: string, text: string, facts: InfrastructureFacts): void {
  if (deploysNothing(path, text)) return;
  if (CHART_TEMPLATES.test(path) && holdsTemplateActions(text)) addFacts(facts, yamlFacts(path, folder, text, null));
  else if (onlyCrds(text)) facts.things.add('kind CustomResourceDefinition');
  else addFacts(facts, withYamlDocuments(text, (documents) => yamlFacts(path, folder, text, documents)));
}

/**
 * The values of `image:` keys on their own lines (`image: x`, `- image: x`), found from each
 * `image:` in the text rather than by a pattern tried at every line: a chart's templates
 * run to megabytes. On the key's own line only: `image:` over a nested `description:` names no image.
 */
function imageLines(text: string): string[] {
  const images: string[] = [];
  for (let at = text.indexOf('image:'); at >= 0; at = text.indexOf('image:', at + 6)) {
    const start = text.lastIndexOf('\n', at - 1) + 1;
    if (!/^[ \t]*(?:-[ \t]+)?$/.test(text.slice(start, at))) continue;
    const end = text.indexOf('\n', at);
    const value = /^[ \t]*([^\s#]+)/.exec(text.slice(at + 6, end < 0 ? text.length : end))?.[1];
    // A flow mapping or list (`{repository: …}`) is no image reference on its own.
    if (value && !/^[{[]/.test(value)) images.push(value);
  }
  return images;
}

function yamlFacts(path: string, folder: string, text: string, documents: unknown[] | null): InfrastructureFacts {
  const facts = emptyInfrastructure();
  const base = baseName(path);
  if (!documents) {
    // Templates (Helm) are not YAML until rendered: their kinds and images still show.
    for (const m of text.matchAll(/^kind:[ \t]*(\w+)/gm)) facts.things.add(`kind ${m[1]}`);
    for (const image of imageLines(text)) addImage(facts, image);
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
    imageValues(document, (value) => {
      if (typeof value === 'string') addImage(facts, value);
      if (isRecord(value) && typeof value.repository === 'string') addImage(facts, `${value.repository}${typeof value.tag === 'string' ? `:${value.tag}` : ''}`);
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
