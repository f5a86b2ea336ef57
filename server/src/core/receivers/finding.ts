// The shape of a receiver check's finding and its fixes (offsets into the URL value), and how table texts are translated.
import type { FieldsSection } from '../resolve/resolve-placeholder';
import type { ProblemCode } from '../base/problems';
import type { Span } from '../base/types';
import { phrase, type Arg, type Phrase } from '../base/l10n';

export interface ValueEdit {
  span: Span;
  newText: string;
}

export interface ReceiverFix {
  title: Phrase;
  edits: ValueEdit[];
  preferred?: boolean;
}

export interface ReceiverFinding {
  code: ProblemCode;
  args: Arg[];
  /** Where in the URL value: a parameter's name or value, or the path for what is missing. */
  span: Span;
  /** Said after the message (translated). */
  hint?: Phrase;
  fixes: ReceiverFix[];
  missing?: { section: FieldsSection; key: string };
}

/** Translates a text of a receiver table (one route, so the translation test knows every text it can get). */
export function tableText(text: string): Phrase {
  return phrase(text);
}
