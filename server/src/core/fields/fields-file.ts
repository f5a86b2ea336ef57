// Loads a fields file (JSON or YAML) into a FieldsModel with the problems found in it; never throws.
import { readBotVariable, readCustomField, readProfile, readTrackerField } from './fields-file-entries';
import { readJsonTree } from './fields-file-json';
import { structureProblem, syntaxError, uniqueProperties, type TreeNode, type TreeProperty } from './fields-file-tree';
import { readYamlTree } from './fields-file-yaml';
import { readSeverity } from './fields-file-severity';
import { ProblemCode } from '../base/problems';
import type { FieldsModel, PlaceholderSyntax, Region, StructureProblem } from '../base/types';
import { phrase } from '../base/l10n';
import { isIdentifier } from '../base/identifier';

export type FieldsFormat = 'json' | 'yaml';

export interface FieldsParseResult {
  /** undefined when the text has syntax errors (the host then keeps the last good model). */
  model: FieldsModel | undefined;
  problems: StructureProblem[];
}

type SectionName = 'customFields' | 'trackerFields' | 'botVariables' | 'profiles';

const SECTIONS: readonly SectionName[] = ['customFields', 'trackerFields', 'botVariables', 'profiles'];
const TOP_LEVEL_KEYS = ['placeholderSyntax', ...SECTIONS, 'severity'];

/**
 * Spans: a definition's `keySpan` is the key's text without its quotes (where "go to definition" lands), its
 * `span` runs from the key (quotes included) to the end of the value. Text with nothing in it (only whitespace,
 * or a YAML file of comments) gives an empty model and no problems. Of duplicate keys the first one counts.
 */
export function parseFieldsFile(text: string, format: FieldsFormat): FieldsParseResult {
  if (text.trim() === '') return { model: emptyFieldsModel(), problems: [] };
  try {
    const tree = format === 'yaml' ? readYamlTree(text) : readJsonTree(text);
    if (tree.syntaxErrors.length > 0) return { model: undefined, problems: tree.syntaxErrors };
    const problems: StructureProblem[] = [];
    const model = tree.root ? buildModel(tree.root, problems) : emptyFieldsModel();
    return { model, problems };
  } catch (error) {
    // The parsers and the tree walk recurse per nesting level: thousands of `[` exhaust the stack.
    const message = error instanceof RangeError ? phrase('The document is nested too deeply to read') : String(error);
    return { model: undefined, problems: [syntaxError(text, message, 0, 0)] };
  }
}

export function fieldsFormatOf(fileName: string): FieldsFormat {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

export function emptyFieldsModel(): FieldsModel {
  return {
    placeholderSyntax: 'braces',
    customFields: new Map(),
    trackerFields: new Map(),
    botVariables: new Map(),
    profiles: new Map(),
    severity: new Map(),
  };
}

function buildModel(root: TreeNode, problems: StructureProblem[]): FieldsModel {
  const model = emptyFieldsModel();
  if (root.kind !== 'object') {
    problems.push(structureProblem(root.span, phrase('The fields file must be an object with {0}.', TOP_LEVEL_KEYS.join(', '))));
    return model;
  }
  for (const property of uniqueProperties(root, phrase('the fields file'), problems)) readTopLevel(model, property, problems);
  return model;
}

function readTopLevel(model: FieldsModel, property: TreeProperty, problems: StructureProblem[]): void {
  if (property.key === '$schema') return;
  if (property.key === 'placeholderSyntax') {
    model.placeholderSyntax = readPlaceholderSyntax(property.value, problems);
  } else if (property.key === 'severity') {
    model.severity = readSeverity(property.value, problems);
  } else if ((SECTIONS as readonly string[]).includes(property.key)) {
    readSection(model, property.key as SectionName, property.value, problems);
  } else {
    const known = TOP_LEVEL_KEYS.join(', ');
    problems.push({ code: ProblemCode.FieldsUnknownProperty, span: property.keySpan, args: [property.key, phrase('the fields file'), known] });
  }
}

function readPlaceholderSyntax(value: TreeNode, problems: StructureProblem[]): PlaceholderSyntax {
  if (value.scalar === 'braces' || value.scalar === 'angle') return value.scalar;
  problems.push(structureProblem(value.span, phrase('placeholderSyntax must be "braces" or "angle"; "braces" is used.')));
  return 'braces';
}

/** A null section (YAML `customFields:` with nothing below) is an empty one. */
function readSection(model: FieldsModel, name: SectionName, value: TreeNode, problems: StructureProblem[]): void {
  if (value.kind === 'null') return;
  if (value.kind !== 'object') {
    problems.push(structureProblem(value.span, phrase('{0} must be an object: one property per entry.', name)));
    return;
  }
  for (const entry of uniqueProperties(value, name, problems)) {
    if (name !== 'profiles' && !isIdentifier(entry.key)) {
      problems.push({ code: ProblemCode.FieldsKeyNotIdentifier, span: entry.keySpan, args: [entry.key] });
    }
    readEntry(model, name, entry, problems);
  }
}

function readEntry(model: FieldsModel, name: SectionName, entry: TreeProperty, problems: StructureProblem[]): void {
  if (name === 'customFields') model.customFields.set(entry.key, readCustomField(entry, problems));
  else if (name === 'trackerFields') model.trackerFields.set(entry.key, readTrackerField(entry, problems));
  else if (name === 'botVariables') model.botVariables.set(entry.key, readBotVariable(entry, problems));
  else model.profiles.set(entry.key, readProfile(entry, problems));
}

/** Bot-variable values are message text (DESIGN.md: "their values are themselves checked as message text"). */
export function botVariableRegions(model: FieldsModel): Region[] {
  const regions: Region[] = [];
  for (const variable of model.botVariables.values()) {
    if (variable.valueSpan) regions.push({ ...variable.valueSpan, dialect: 'message', place: 'text' });
  }
  return regions;
}
