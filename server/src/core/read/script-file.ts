// Reads a script file (YAML or JSON: flows of steps) into template regions, webhook requests and steps.
//
// Every string value is template text: the `url`, `headers` values and `body` of a webhook step
// (`type: webhook`, or its old name `send_webhook`) in the webhook dialect, all others in the
// message dialect. Keys, comments, numbers, booleans, nulls and aliases are never template text.
import { readJsonTree } from './script-file-json';
import type { ScriptMap, ScriptNode, ScriptString } from './script-file-tree';
import { readYamlTree } from './script-file-yaml';
import type { ParsedTemplate, Place, Region, RequestHeader, ScriptFlow, ScriptStep, Span, TemplatePart, TemplateRequest } from '../base/types';

const WEBHOOK_STEP_TYPES: readonly string[] = ['webhook', 'send_webhook'];

/** A step mapping found at `flows[i].steps[j]`, with its key and type read once. */
interface FoundStep {
  node: ScriptMap;
  flowKey?: string;
  flowIndex: number;
  index: number;
  key?: { text: string; span: Span };
  type?: string;
}

export function parseScriptFile(text: string, format: 'yaml' | 'json'): ParsedTemplate {
  const tree = format === 'yaml' ? readYamlTree(text) : readJsonTree(text);
  const flows: ScriptFlow[] = [];
  const found: FoundStep[] = [];
  for (const root of tree.roots) readFlows(root, flows, found);
  return { ...readSteps(tree.roots, found, format), flows, problems: tree.problems };
}

/** Regions, requests and steps of the steps found under `roots`. */
function readSteps(roots: ScriptNode[], found: FoundStep[], format: 'yaml' | 'json'): ParsedTemplate {
  const webhookPlaces = new Map<ScriptString, Place>();
  const requests: TemplateRequest[] = [];
  for (const step of found) if (isWebhookStep(step)) requests.push(readRequest(step, webhookPlaces));
  return {
    kind: format === 'yaml' ? 'script-yaml' : 'script-json',
    regions: collectRegions(roots, webhookPlaces),
    requests,
    steps: found.map(toScriptStep),
    problems: [],
  };
}

/** The flows under `root` and the step mappings in them, in document order. */
function readFlows(root: ScriptNode, flows: ScriptFlow[], found: FoundStep[]): void {
  itemsOf(field(root, 'flows')).forEach((flow, flowIndex) => {
    if (flow.kind !== 'map') return;
    const key = keyOf(flow);
    flows.push({ key: key?.text, keySpan: key?.span, title: scalarText(field(flow, 'title')), span: flow.span });
    itemsOf(field(flow, 'steps')).forEach((node, index) => {
      if (node.kind === 'map') found.push(foundStep(node, key?.text, flowIndex, index));
    });
  });
}

function foundStep(node: ScriptMap, flowKey: string | undefined, flowIndex: number, index: number): FoundStep {
  return { node, flowKey, flowIndex, index, key: keyOf(node), type: scalarText(field(node, 'type')) };
}

function toScriptStep({ node, flowKey, key, type }: FoundStep): ScriptStep {
  return { key: key?.text, keySpan: key?.span, type, flowKey, span: node.span };
}

function keyOf(node: ScriptMap): { text: string; span: Span } | undefined {
  const keyNode = field(node, 'key');
  const text = scalarText(keyNode);
  return text === undefined || !keyNode ? undefined : { text, span: keyNode.span };
}

function isWebhookStep({ type }: FoundStep): boolean {
  return type !== undefined && WEBHOOK_STEP_TYPES.includes(type);
}

/** Reads a webhook step's request and marks its url, header values and body as webhook text. */
function readRequest(step: FoundStep, webhookPlaces: Map<ScriptString, Place>): TemplateRequest {
  const { node, key } = step;
  const method = stringField(node, 'method');
  return {
    name: key?.text ?? `${step.flowKey ?? step.flowIndex}/${step.index}`,
    nameSpan: key?.span ?? { start: node.span.start, end: node.span.start },
    span: node.span,
    method: method?.value.trim().toUpperCase() || 'GET',
    methodSpan: method?.span,
    url: webhookPart(node, 'url', webhookPlaces),
    headers: readHeaders(field(node, 'headers'), webhookPlaces),
    body: webhookPart(node, 'body', webhookPlaces),
    stepKey: key?.text,
  };
}

function webhookPart(node: ScriptMap, name: 'url' | 'body', webhookPlaces: Map<ScriptString, Place>): TemplatePart | undefined {
  const value = stringField(node, name);
  if (!value) return undefined;
  webhookPlaces.set(value, name);
  return partOf(value);
}

function readHeaders(headers: ScriptNode | undefined, webhookPlaces: Map<ScriptString, Place>): RequestHeader[] {
  if (headers?.kind !== 'map') return [];
  return headers.entries.flatMap(({ key, keySpan, value }) => {
    if (value?.kind !== 'string') return [];
    webhookPlaces.set(value, 'header');
    return [{ name: key, nameSpan: keySpan, value: partOf(value) }];
  });
}

/** Every string value in document order, webhook text where marked, message text elsewhere. */
function collectRegions(roots: ScriptNode[], webhookPlaces: Map<ScriptString, Place>): Region[] {
  const regions: Region[] = [];
  for (const root of roots) addRegions(root, webhookPlaces, regions);
  return regions.sort((a, b) => a.start - b.start);
}

function addRegions(node: ScriptNode | undefined, webhookPlaces: Map<ScriptString, Place>, regions: Region[]): void {
  if (node?.kind === 'string') regions.push(regionOf(node, webhookPlaces.get(node)));
  else if (node?.kind === 'map') for (const entry of node.entries) addRegions(entry.value, webhookPlaces, regions);
  else if (node?.kind === 'seq') for (const item of node.items) addRegions(item, webhookPlaces, regions);
}

function regionOf(node: ScriptString, webhookPlace: Place | undefined): Region {
  const { start, end } = node.span;
  if (webhookPlace) return { start, end, dialect: 'webhook', place: webhookPlace };
  return { start, end, dialect: 'message', place: 'text' };
}

/** The value of `name` in a mapping; the last one when a key is repeated, as JSON.parse would take. */
function field(node: ScriptNode | undefined, name: string): ScriptNode | undefined {
  if (node?.kind !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === name) return node.entries[i].value;
  return undefined;
}

function stringField(node: ScriptNode, name: string): ScriptString | undefined {
  const value = field(node, name);
  return value?.kind === 'string' ? value : undefined;
}

function itemsOf(node: ScriptNode | undefined): ScriptNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

/** A string, or a number written where a name is expected (`key: 42`). */
function scalarText(node: ScriptNode | undefined): string | undefined {
  if (node?.kind === 'string') return node.value;
  return node?.kind === 'other' && typeof node.value === 'number' ? String(node.value) : undefined;
}

function partOf(node: ScriptString): TemplatePart {
  return { span: { start: node.span.start, end: node.span.end }, value: node.value };
}

/**
 * Reads one step on its own, for re-checking only the step an edit touched. `slice` is the step's text
 * (for YAML from the start of its first line, the list marker blanked); offsets come back relative to it.
 * Undefined when the slice does not read as exactly one mapping without problems.
 */
export function parseStepSlice(slice: string, format: 'yaml' | 'json', flowKey: string | undefined): ParsedTemplate | undefined {
  const tree = format === 'yaml' ? readYamlTree(slice) : readJsonTree(slice);
  const [root] = tree.roots;
  if (tree.problems.length > 0 || tree.roots.length !== 1 || root.kind !== 'map') return undefined;
  return readSteps(tree.roots, [foundStep(root, flowKey, 0, 0)], format);
}
