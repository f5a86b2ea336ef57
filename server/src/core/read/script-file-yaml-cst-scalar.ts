// A YAML scalar's value as `yaml` composes it without a tag: `CST.resolveAsScalar` undoes quotes, escapes,
// line folding and block scalar chomping, and a plain scalar then takes the type the core schema gives it.
import { CST, Schema, isScalar, type Scalar, type ScalarTag } from 'yaml';
import { endAfter, notQuiet } from './script-file-yaml-cst-props';

type TestedTag = ScalarTag & { test: RegExp };

/** The core schema's tags that claim plain scalars by their text (null, booleans, numbers), in its order. */
const PLAIN_TAGS = new Schema({}).tags.filter((tag): tag is TestedTag => tag.default === true && 'test' in tag && tag.test instanceof RegExp);

/** Characters `yaml` reports at the start of a plain scalar. */
const BAD_PLAIN_START = '\t,%|>@`';

export type CstScalar = CST.FlowScalar | CST.BlockScalar;

/**
 * `yaml`'s reading of one scalar. A reader keeps one instance and reads every scalar into it (a script has tens
 * of thousands): a caller takes what it needs before it reads the next.
 */
export class ScalarReading {
  value: unknown = undefined;
  type: Scalar.Type | null = null;
  /** Where the scalar's own text ends (the composer's `range[1]`). */
  valueEnd = 0;
  /** Where the spaces and comments after it end (`range[2]`). */
  end = 0;

  /** Any problem `yaml` would report in the scalar stops the quiet reading. */
  read(token: CstScalar): this {
    if (readsAsWritten(token)) return this.asWritten(token as CST.FlowScalar);
    const { value, type, range } = CST.resolveAsScalar(token, true, notQuiet);
    this.value = token.type === 'scalar' ? typedPlain(value) : value;
    this.type = type;
    this.valueEnd = range[1];
    this.end = range[2];
    return this;
  }

  private asWritten(token: CST.FlowScalar): this {
    const { source, type } = token;
    this.value = type === 'scalar' ? typedPlain(source) : source.slice(1, -1);
    this.type = type === 'scalar' ? 'PLAIN' : 'QUOTE_DOUBLE';
    this.valueEnd = token.offset + source.length;
    this.end = endAfter(token.end, this.valueEnd, true);
    return this;
  }
}

/**
 * A scalar `yaml` would read as its text, unquoted, with nothing to report in it: a one-line plain scalar that
 * starts with no character it reports, or a closed one-line double-quoted one without an escape. Anything else
 * (the larger part of its rules: escapes, folding, block scalars) is left to `CST.resolveAsScalar`.
 */
function readsAsWritten({ type, source }: CstScalar): boolean {
  if (source.includes('\n')) return false;
  if (type === 'scalar') return source === '' || !BAD_PLAIN_START.includes(source[0]);
  return type === 'double-quoted-scalar' && source.length > 1 && source[source.length - 1] === '"' && !source.includes('\\');
}

/**
 * The tags' tests as one regular expression, which matches exactly when one of them does: most plain scalars are
 * words no tag claims, and one test instead of eight is a quarter of the time this reader takes. Built only
 * when the tests can be joined without changing their meaning (no flags, no back references or named groups).
 */
const ANY_PLAIN_TAG = PLAIN_TAGS.every(({ test }) => test.flags === '' && !/\\[1-9k]|\(\?</.test(test.source))
  ? new RegExp(PLAIN_TAGS.map(({ test }) => `(?:${test.source})`).join('|'))
  : undefined;

/** The value the core schema gives a plain scalar's text: null, a boolean, a number, or the text itself. */
function typedPlain(source: string): unknown {
  if (ANY_PLAIN_TAG && !ANY_PLAIN_TAG.test(source)) return source;
  for (const tag of PLAIN_TAGS) {
    if (!tag.test.test(source)) continue;
    const resolved = tag.resolve(source, notQuiet, {});
    return isScalar(resolved) ? resolved.value : resolved;
  }
  return source;
}
