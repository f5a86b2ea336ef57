// Generators of YAML text for the YAML reader's property tests: scripts written in the many styles YAML allows
// (block and flow collections, every scalar style, anchors, comments, documents), the rarer features (tags,
// directives, explicit keys), and edits that break any of them at any place.
import fc from 'fast-check';

type Style = 'plain' | 'double' | 'single' | 'literal' | 'folded';

interface ScalarModel {
  kind: 'scalar';
  style: Style;
  words: string[];
  /** Where a multi-line style breaks the text, or a block scalar's content gets a blank or a more-indented line. */
  breaks: number[];
  chomp: '' | '-' | '+';
  explicitIndent: boolean;
  escapes: boolean;
}

interface Props {
  anchor?: string;
  tag?: string;
  comment?: string;
}

type NodeModel = (ScalarModel | MapModel | SeqModel | FlowModel | { kind: 'alias'; name: string } | { kind: 'empty' }) & { props: Props };

interface MapModel {
  kind: 'map';
  entries: { key: KeyModel; value: NodeModel; before: '' | 'blank' | 'comment' }[];
}

interface SeqModel {
  kind: 'seq';
  items: NodeModel[];
  /** A sequence under a key may stand at the key's own indentation. */
  sameIndent: boolean;
}

interface FlowModel {
  kind: 'flow';
  open: '{' | '[';
  items: { key?: KeyModel; value: NodeModel }[];
  multiline: boolean;
  trailingComma: boolean;
  spaced: boolean;
  /** After each comma of a multi-line one; right after the comma (`,#c`) it is a problem to report. */
  comment: '' | ' #c' | '#c';
}

interface KeyModel {
  text: string;
  style: 'plain' | 'double' | 'single';
}

/** Which rarer features a generated document may hold. */
export interface Features {
  /** Tags, directives, explicit keys, pairs in flow sequences, tabs, duplicate and odd keys. */
  rare: boolean;
}

const WORDS = [
  'Hi', 'bonus', 'register', '{{username}}', '{{fields.geo}}', '{{variables.regLink}}', '{chatId}', '{tracker.clickid}',
  'https://t.example/p?subid={tracker.clickid}&s=lead', 'é', 'я', '😀', '42', '-7', '3.10', '1e3', '0x1F', '0o17', '.inf', '.NaN',
  'true', 'False', 'null', '~', 'yes', 'a:b', 'a: b', '#x', 'x #y', "it's", 'say "hi"', 'back\\slash', 'tab\there', '@at', '`tick', '%pct',
  '- dash', '? q', '[x]', '{y}', 'a,b', '|', '>', '*star', '&amp', '!bang', '\u00a0', '\u2028', '',
];

const KEYS = ['flows', 'steps', 'key', 'type', 'url', 'text', 'body', 'headers', 'method', 'title', 'name', 'X-Buyer', 'Content-Type', 'delay', 'buttons', '1', '2.5', 'true', 'null', 'a b', 'é'];
const ANCHORS = ['a', 'b', 'step', 'h1', 'x:'];
const TAGS = ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq', '!!binary', '!!timestamp', '!!omap', '!!set', '!!pairs', '!custom', '!', '!<tag:yaml.org,2002:str>', '!e!x'];
const COMMENTS = ['# note', '#tight', '# MISTAKE: {username}', '# é'];

const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 });

const scalar = (flow: boolean): fc.Arbitrary<ScalarModel> =>
  fc.record({
    kind: fc.constant('scalar' as const),
    style: fc.constantFrom<Style>(...(flow ? (['plain', 'double', 'single'] as const) : (['plain', 'double', 'single', 'literal', 'folded'] as const))),
    words,
    breaks: fc.array(fc.nat({ max: 6 }), { maxLength: 3 }),
    chomp: fc.constantFrom('' as const, '-' as const, '+' as const),
    explicitIndent: fc.boolean(),
    escapes: fc.boolean(),
  });

const key = (features: Features): fc.Arbitrary<KeyModel> =>
  fc.record({
    text: features.rare ? fc.oneof(fc.constantFrom(...KEYS), fc.constantFrom(...WORDS)) : fc.constantFrom(...KEYS),
    style: fc.constantFrom('plain' as const, 'double' as const, 'single' as const),
  });

const props = (features: Features): fc.Arbitrary<Props> =>
  fc.record(
    {
      anchor: fc.constantFrom(...ANCHORS),
      tag: features.rare ? fc.constantFrom(...TAGS) : fc.constant(undefined),
      comment: fc.constantFrom(...COMMENTS),
    },
    { requiredKeys: [] },
  );

/** A node of a document: scalars, block and flow collections, aliases and empty values, nested up to a few levels. */
function nodeArbitrary(features: Features): fc.Arbitrary<NodeModel> {
  // Keys are unique by their text, as in scripts; rare documents may write one text in two styles (`1` and `"1"`).
  const uniqueText = ({ key: { text, style } }: { key: KeyModel }) => (features.rare ? `${style}:${text}` : text);
  // A flow mapping's item without a key is written `k:`.
  const flowKeyText = ({ key: k }: { key?: KeyModel }) => uniqueText({ key: k ?? { text: 'k', style: 'plain' } });
  const { node } = fc.letrec<{ node: NodeModel; flowNode: NodeModel }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      withProps(scalar(false), features),
      withProps(fc.record({
        kind: fc.constant('map' as const),
        entries: fc.uniqueArray(fc.record({ key: key(features), value: tie('node'), before: fc.constantFrom('' as const, 'blank' as const, 'comment' as const) }), { minLength: 1, maxLength: 4, selector: uniqueText }),
      }), features),
      withProps(fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('node'), { minLength: 1, maxLength: 3 }), sameIndent: fc.boolean() }), features),
      tie('flowNode'),
      withProps(fc.record({ kind: fc.constant('alias' as const), name: fc.constantFrom(...ANCHORS) }), { rare: false }, true),
      withProps(fc.constant({ kind: 'empty' as const }), features),
    ),
    flowNode: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      withProps(scalar(true), features),
      withProps(fc.record({
        kind: fc.constant('flow' as const),
        open: fc.constantFrom('{' as const, '[' as const),
        items: fc.uniqueArray(fc.record({ key: fc.option(key(features), { nil: undefined }), value: tie('flowNode') }), { maxLength: 3, selector: flowKeyText }),
        multiline: fc.boolean(),
        trailingComma: fc.boolean(),
        spaced: fc.boolean(),
        comment: fc.constantFrom<FlowModel['comment']>('', ' #c', ...(features.rare ? (['#c'] as const) : [])),
      }), features),
    ),
  }));
  return node;
}

function withProps<T extends object>(arbitrary: fc.Arbitrary<T>, features: Features, bare = false): fc.Arbitrary<T & { props: Props }> {
  const chosen = bare ? fc.constant({}) : fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: props(features) });
  return fc.tuple(arbitrary, chosen).map(([value, p]) => ({ ...value, props: p }));
}

// ---- Rendering ----

const pad = (indent: number) => ' '.repeat(indent);

function textOf(model: ScalarModel): string {
  return model.words.join(' ');
}

function plainSafe(text: string, flow: boolean): boolean {
  if (text === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) || /\s$/.test(text)) return false;
  if (/: |:$| #|[\n\t\u2028\u00a0]/.test(text)) return false;
  return !flow || !/[,[\]{}]/.test(text);
}

function doubleQuoted(text: string, escapes: boolean): string {
  let out = '';
  for (const ch of text) {
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += escapes ? '\\t' : '\t';
    else if (ch === '\n') out += '\\n';
    else if (escapes && ch.codePointAt(0)! > 0x7f) out += ch.length > 1 ? `\\U${ch.codePointAt(0)!.toString(16).padStart(8, '0')}` : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `"${out}"`;
}

/** Breaks a quoted or plain scalar's text into lines at spaces (folded back into spaces when read). */
function folded(rendered: string, breaks: number[], indent: number): string {
  let out = rendered;
  for (const at of breaks) {
    const spaces = [...out.matchAll(/ /g)].map((match) => match.index!);
    const space = spaces[at % Math.max(spaces.length, 1)];
    if (space !== undefined && space > 0) out = `${out.slice(0, space)}\n${pad(indent + 2)}${out.slice(space + 1)}`;
  }
  return out;
}

function inlineScalar(model: ScalarModel, indent: number, flow: boolean): string {
  const text = textOf(model);
  const multiline = !flow && model.breaks.length > 0;
  switch (model.style) {
    case 'plain':
      if (plainSafe(text, flow)) return multiline ? folded(text, model.breaks, indent) : text;
      return doubleQuoted(text, model.escapes);
    case 'single': {
      const quoted = `'${text.replace(/'/g, "''")}'`;
      return multiline ? folded(quoted, model.breaks, indent) : quoted;
    }
    default: {
      const quoted = doubleQuoted(text, model.escapes);
      return multiline ? folded(quoted, model.breaks, indent) : quoted;
    }
  }
}

/** A block scalar after its key or dash: the header, then content lines indented under `indent`. */
function blockScalar(model: ScalarModel, indent: number, comment: string | undefined): string {
  const header = `${model.style === 'literal' ? '|' : '>'}${model.explicitIndent ? '2' : ''}${model.chomp}${comment ? ` ${comment}` : ''}`;
  const inner = pad(indent + 2);
  const lines = model.words.map((word) => inner + word.replace(/\n/g, ' '));
  for (const at of model.breaks) lines.splice(at % (lines.length + 1), 0, at % 2 ? '' : `${inner}  more ${at}`);
  if (model.chomp === '+') lines.push('');
  return `${header}\n${lines.join('\n')}`;
}

function propsText(p: Props): string {
  return [p.tag, p.anchor && `&${p.anchor}`].filter(Boolean).join(' ');
}

/** A value after `key:` or `- `: inline, or on the lines below. */
function afterIndicator(node: NodeModel, indent: number, childIndent: number): string {
  const head = propsText(node.props);
  const withHead = (text: string) => (head ? `${head} ${text}` : text);
  const comment = node.props.comment ? ` ${node.props.comment}` : '';
  switch (node.kind) {
    case 'scalar':
      return node.style === 'literal' || node.style === 'folded'
        ? ` ${withHead(blockScalar(node, indent, node.props.comment))}`
        : ` ${withHead(inlineScalar(node, indent, false))}${comment}`;
    case 'alias':
      return ` *${node.name}${comment}`;
    case 'empty':
      return head ? ` ${head}${comment}` : comment;
    case 'flow':
      return ` ${withHead(flowText(node, indent))}${comment}`;
    case 'map':
      return `${head ? ` ${head}` : ''}${comment}\n${mapText(node, childIndent)}`;
    case 'seq':
      return `${head ? ` ${head}` : ''}${comment}\n${seqText(node, node.sameIndent && childIndent > indent ? indent : childIndent)}`;
  }
}

function keyText({ text, style }: KeyModel): string {
  if (style === 'plain' && plainSafe(text, false)) return text;
  return style === 'single' ? `'${text.replace(/'/g, "''")}'` : doubleQuoted(text, false);
}

function mapText(map: MapModel, indent: number): string {
  return map.entries
    .map(({ key: k, value, before }) => {
      const lead = before === 'blank' ? '\n' : before === 'comment' ? `${pad(indent)}# before ${k.text}\n` : '';
      return `${lead}${pad(indent)}${keyText(k)}:${afterIndicator(value, indent, indent + 2)}`;
    })
    .join('\n');
}

/** A block sequence; a collection in an item starts on the dash's line (`- key: value`). */
function seqText(seq: SeqModel, indent: number): string {
  return seq.items
    .map((item) => {
      if ((item.kind === 'map' || item.kind === 'seq') && !item.props.anchor && !item.props.tag && !item.props.comment) {
        const child = item.kind === 'map' ? mapText(item, indent + 2) : seqText(item, indent + 2);
        return `${pad(indent)}- ${child.replace(/^\n*/, '').slice(indent + 2)}`;
      }
      return `${pad(indent)}-${afterIndicator(item, indent, indent + 2)}`;
    })
    .join('\n');
}

function flowText(flow: FlowModel, indent: number): string {
  const close = flow.open === '{' ? '}' : ']';
  const space = flow.spaced ? ' ' : '';
  const items = flow.items.map(({ key: k, value }) => {
    const rendered = flowValue(value, indent + 2);
    if (flow.open === '{') return `${keyText(k ?? { text: 'k', style: 'plain' })}:${rendered ? ` ${rendered}` : ''}`;
    return rendered || '""';
  });
  const separator = flow.multiline ? `,${flow.comment}\n${pad(indent + 2)}` : `,${space || ' '}`;
  const body = items.join(separator) + (flow.trailingComma && items.length > 0 ? ',' : '');
  if (flow.multiline && items.length > 0) return `${flow.open}\n${pad(indent + 2)}${body}\n${pad(indent + 2)}${close}`;
  return `${flow.open}${space}${body}${space}${close}`;
}

function flowValue(node: NodeModel, indent: number): string {
  const head = propsText(node.props);
  const body = node.kind === 'scalar' ? inlineScalar(node, indent, true) : node.kind === 'flow' ? flowText(node, indent) : node.kind === 'alias' ? `*${node.name}` : '';
  return [head, body].filter(Boolean).join(' ');
}

/** The root of a document; a scalar root stands on the `---` line. */
function documentText(root: NodeModel): string {
  if (root.kind === 'map') return (propsText(root.props) ? `${propsText(root.props)}\n` : '') + mapText(root, 0);
  if (root.kind === 'seq') return (propsText(root.props) ? `${propsText(root.props)}\n` : '') + seqText(root, 0);
  return afterIndicator(root, 0, 2).replace(/^ /, '');
}

const rareLines = ['? explicit\n: value', '? [complex, key]\n: v', 'tabbed:\tvalue', ': empty key', 'dup: 1\ndup: 2', '.nan: 1\n.NaN: 2', '1: one\n"1": string one', 'list: [a: 1, b]', 'blk: |\nnot indented'];

/** A whole stream: documents, `---` and `...` markers, a BOM, directives, comments, CRLF line ends. */
export function yamlScript(features: Features): fc.Arbitrary<string> {
  const root = nodeArbitrary(features);
  const document = fc.tuple(root, fc.boolean(), fc.constantFrom('', '# heading\n', '\n'), features.rare ? fc.option(fc.constantFrom(...rareLines), { nil: undefined }) : fc.constant(undefined));
  return fc
    .tuple(
      fc.array(document, { minLength: 1, maxLength: 3 }),
      fc.constantFrom('', '\uFEFF', features.rare ? '%YAML 1.1\n---\n' : '---\n', features.rare ? '%TAG !e! tag:example.com,2000:\n---\n' : '# c\n'),
      fc.boolean(),
      fc.constantFrom('\n', '\r\n'),
    )
    .map(([documents, head, endMarkers, eol]) => {
      const parts = documents.map(([node, marker, lead, rare], i) => {
        const start = i === 0 ? '' : endMarkers ? '...\n---\n' : '---\n';
        const text = `${start}${marker && i === 0 && !head.includes('---') ? '---\n' : ''}${lead}${documentText(node)}`;
        return rare && node.kind === 'map' ? `${text}\n${rare}` : text;
      });
      return (head + parts.join('\n') + '\n').replace(/\r?\n/g, eol);
    });
}

/** Pieces an edit inserts: YAML's indicators and the characters its lexer treats apart. */
const EDIT_PIECES = [
  ' ', '  ', '\t', '\n', '\r\n', '\r', ':', ': ', '- ', '-', '? ', ',', '[', ']', '{', '}', '#', ' #', '"', "'", '\\', '\\"', '|', '>', '|-',
  '&a ', '*a', '!!str ', '!x ', '%', '@', '`', '---', '...', '---\n', '...\n', 'key: v\n', '  - x\n', '\uFEFF', '\0', '\u2028', '\uD800', 'é',
];

/** A text with a few edits: pieces inserted, ranges deleted, lines indented or dedented. */
export function editedYaml(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...EDIT_PIECES), fc.constantFrom('insert', 'delete', 'replace', 'indent', 'dedent'));
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 3 })).map(([text, edits]) => edits.reduce(applyEdit, text));
}

function applyEdit(text: string, [at, length, piece, how]: [number, number, string, string]): string {
  const offset = text.length === 0 ? 0 : at % (text.length + 1);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  switch (how) {
    case 'insert':
      return text.slice(0, offset) + piece + text.slice(offset);
    case 'delete':
      return text.slice(0, offset) + text.slice(offset + length);
    case 'replace':
      return text.slice(0, offset) + piece + text.slice(offset + Math.min(length, piece.length + 1));
    case 'indent':
      return `${text.slice(0, lineStart)}${' '.repeat(1 + (length % 3))}${text.slice(lineStart)}`;
    default:
      return text.slice(0, lineStart) + text.slice(lineStart).replace(/^ {1,2}/, '');
  }
}
