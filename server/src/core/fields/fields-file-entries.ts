// Reads one entry of a fields-file section: a custom field, tracker field, bot variable or profile.
import { exampleMismatch, exampleText } from './fields-file-examples';
import { plainValue, structureProblem, uniqueProperties, type TreeProperty } from './fields-file-tree';
import { ProblemCode } from '../base/problems';
import { FIELD_TYPES, type FieldType, type StructureProblem } from '../base/types';
import type { BotVariable, CustomField, Definition, NamedField, Profile, TrackerField } from '../base/types';
import { phrase, type Arg, type Phrase } from '../base/l10n';

type Properties = Map<string, TreeProperty>;

const CUSTOM_FIELD_PROPERTIES = ['type', 'name', 'description', 'example', 'items'];
const TRACKER_FIELD_PROPERTIES = ['name', 'description', 'example'];
const BOT_VARIABLE_PROPERTIES = ['value', 'description'];

export function readCustomField(entry: TreeProperty, problems: StructureProblem[]): CustomField {
  const properties = entryProperties(entry, 'customFields', CUSTOM_FIELD_PROPERTIES, problems);
  const field: CustomField = namedDefinitionOf(entry, properties, 'customFields', problems);
  readType(field, properties.get('type'), problems);
  readItems(field, properties.get('items'), problems);
  checkItemsPresent(field, properties, problems);
  checkExample(field, properties.get('example'), problems);
  return field;
}

export function readTrackerField(entry: TreeProperty, problems: StructureProblem[]): TrackerField {
  const properties = entryProperties(entry, 'trackerFields', TRACKER_FIELD_PROPERTIES, problems);
  return namedDefinitionOf(entry, properties, 'trackerFields', problems);
}

export function readBotVariable(entry: TreeProperty, problems: StructureProblem[]): BotVariable {
  const properties = entryProperties(entry, 'botVariables', BOT_VARIABLE_PROPERTIES, problems);
  const variable: BotVariable = definitionOf(entry, properties, 'botVariables', problems);
  const value = properties.get('value');
  const text = value && stringValue(value, `botVariables.${entry.key}`, problems);
  if (value && text !== undefined) {
    variable.value = text;
    variable.valueSpan = value.value.contentSpan;
  }
  return variable;
}

/** A profile keeps scalar values as written; `${env:NAME}` is resolved later, by whoever sends. */
export function readProfile(entry: TreeProperty, problems: StructureProblem[]): Profile {
  const profile: Profile = { name: entry.key, span: entry.span, values: new Map(), keySpans: new Map() };
  const where = `profiles.${entry.key}`;
  if (!isObjectOrEmpty(entry, phrase('{0} must be an object whose properties are sample values.', where), problems)) return profile;
  for (const property of uniqueProperties(entry.value, where, problems)) {
    const { kind, scalar, span } = property.value;
    if (kind === 'object' || kind === 'array' || kind === 'other') {
      const message = phrase('Value of "{0}" in {1} must be a string, number, boolean or null; it is ignored.', property.key, where);
      problems.push(structureProblem(span, message));
    } else {
      profile.values.set(property.key, scalar);
      profile.keySpans.set(property.key, property.keySpan);
    }
  }
  return profile;
}

/** The entry's known properties; a null entry (YAML `key:` with nothing after it) is an entry without any. */
function entryProperties(
  entry: TreeProperty,
  section: string,
  known: readonly string[],
  problems: StructureProblem[],
): Properties {
  const properties: Properties = new Map();
  const label = `${section}.${entry.key}`;
  const knownList = known.join(', ');
  if (!isObjectOrEmpty(entry, phrase('{0} must be an object with {1}.', label, knownList), problems)) return properties;
  for (const property of uniqueProperties(entry.value, label, problems)) {
    if (known.includes(property.key)) properties.set(property.key, property);
    else problems.push({ code: ProblemCode.FieldsUnknownProperty, span: property.keySpan, args: [property.key, label, knownList] });
  }
  return properties;
}

/** True for an object; reports anything else but null, which stands for an empty entry, with `message`. */
function isObjectOrEmpty(entry: TreeProperty, message: Phrase, problems: StructureProblem[]): boolean {
  const kind = entry.value.kind;
  if (kind !== 'object' && kind !== 'null') {
    problems.push(structureProblem(entry.value.span, message));
  }
  return kind === 'object';
}

function definitionOf(
  entry: TreeProperty,
  properties: Properties,
  section: string,
  problems: StructureProblem[],
): Definition {
  const definition: Definition = { key: entry.key, keySpan: entry.keySpan, span: entry.span };
  const description = properties.get('description');
  const text = description && stringValue(description, `${section}.${entry.key}`, problems);
  if (text !== undefined) definition.description = text;
  const example = properties.get('example');
  if (example) definition.example = plainValue(example.value);
  return definition;
}

/** A definition with the optional `name` Chatterfy shows (custom and tracker fields). */
function namedDefinitionOf(entry: TreeProperty, properties: Properties, section: string, problems: StructureProblem[]): NamedField {
  const field: NamedField = definitionOf(entry, properties, section, problems);
  const name = properties.get('name');
  const text = name && stringValue(name, `${section}.${entry.key}`, problems);
  if (text !== undefined) field.name = text;
  return field;
}

function stringValue(property: TreeProperty, where: Arg, problems: StructureProblem[]): string | undefined {
  if (property.value.kind === 'string') return String(property.value.scalar);
  problems.push(structureProblem(property.value.span, phrase('"{0}" of {1} must be a string.', property.key, where)));
  return undefined;
}

/** A missing type is no problem: the field then has no type (it behaves like text, its example is not checked). */
function readType(field: CustomField, type: TreeProperty | undefined, problems: StructureProblem[]): void {
  if (!type) return;
  const raw = stringValue(type, `customFields.${field.key}`, problems);
  if (raw === undefined) return;
  if ((FIELD_TYPES as readonly string[]).includes(raw)) {
    field.type = raw as FieldType;
    return;
  }
  field.rawType = raw;
  problems.push({ code: ProblemCode.FieldsUnknownType, span: type.value.span, args: [raw, FIELD_TYPES.join(', ')] });
}

function readItems(field: CustomField, items: TreeProperty | undefined, problems: StructureProblem[]): void {
  if (!items) return;
  if (items.value.kind !== 'array') {
    problems.push(structureProblem(items.value.span, phrase('"items" of customFields.{0} must be an array of strings.', field.key)));
    return;
  }
  field.items = [];
  for (const item of items.value.items) {
    if (item.kind === 'string') field.items.push(String(item.scalar));
    else problems.push(structureProblem(item.span, phrase('Items of customFields.{0} must be strings; this one is ignored.', field.key)));
  }
}

/** Points at the (empty) items when they are written, else at the type that needs them. */
function checkItemsPresent(field: CustomField, properties: Properties, problems: StructureProblem[]): void {
  if ((field.type !== 'select' && field.type !== 'multiselect') || (field.items && field.items.length > 0)) return;
  const at = properties.get('items') ?? properties.get('type');
  if (at) problems.push({ code: ProblemCode.FieldsSelectWithoutItems, span: at.value.span, args: [field.type] });
}

/** Without a known type there is nothing to check the example against. */
function checkExample(field: CustomField, example: TreeProperty | undefined, problems: StructureProblem[]): void {
  if (!example || !field.type) return;
  const reason = exampleMismatch(field.example, field.type, field.items);
  if (reason === undefined) return;
  const args = [exampleText(field.example), field.type, reason];
  problems.push({ code: ProblemCode.FieldsExampleMismatch, span: example.value.span, args });
}
