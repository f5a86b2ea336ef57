// A TextDocument view of a fields file's text, made once per loaded source, for positions in it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import { toRange } from '../base/positions';
import type { FieldsSource, Span } from '../base/types';

const documents = new WeakMap<FieldsSource, TextDocument>();

export function fieldsDocumentOf(source: FieldsSource): TextDocument {
  let document = documents.get(source);
  if (!document) {
    document = TextDocument.create(source.uri, source.format, 0, source.text);
    documents.set(source, document);
  }
  return document;
}

export function locationInFields(source: FieldsSource, span: Span): Location {
  return { uri: source.uri, range: toRange(fieldsDocumentOf(source), span) };
}
