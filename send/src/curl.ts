// "Copy as cURL": an expanded request as one shell-safe curl command, with secrets hidden unless asked.
import type { ExpandedRequest } from '../../server/src/core';
import { contentTypeFor } from './outgoing';

export const REDACTED = '***';

export interface CurlOptions {
  /** Show the values read from `${env:…}` instead of `***`. */
  revealSecrets?: boolean;
}

/** Replaces every secret in `text` by `***`: as written, percent-encoded (URL) and JSON-escaped (body). */
export function redact(text: string, secrets: readonly string[]): string {
  const forms = new Set(secrets.filter((secret) => secret !== '').flatMap(writtenForms));
  // Longest first, so a secret inside another secret cannot leave the rest of the longer one visible.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return ordered.reduce((result, form) => result.split(form).join(REDACTED), text);
}

function writtenForms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
}

/** Quotes a word for POSIX shells: single quotes, a quote inside written as `'\''`. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The curl command that sends what `sendRequest` sends: like "Copy as cURL" in browsers, `--data-raw`
 * carries the body (and makes it a POST), `-X` appears only where curl would otherwise pick another method.
 */
export function toCurl(request: ExpandedRequest, options: CurlOptions = {}): string {
  const hide = (text: string) => (options.revealSecrets ? text : redact(text, request.secrets));
  const first = ['curl', ...methodArguments(request), ...globArguments(request.url), shellQuote(hide(request.url))];
  const parts = [first.join(' ')];
  for (const [name, value] of headersSent(request)) parts.push(`-H ${shellQuote(hide(headerArgument(name, value)))}`);
  if (request.body !== undefined) parts.push(`--data-raw ${shellQuote(hide(request.body))}`);
  return parts.join(' \\\n  ');
}

function methodArguments(request: ExpandedRequest): string[] {
  const method = request.method.toUpperCase();
  const curlDefault = request.body === undefined ? 'GET' : 'POST';
  return method === curlDefault ? [] : [`-X ${method}`];
}

// curl expands `{a,b}` and `[1-3]` in URLs; an affiliate network's own macros can leave braces there.
function globArguments(url: string): string[] {
  return /[[\]{}]/.test(url) ? ['--globoff'] : [];
}

function headersSent(request: ExpandedRequest): [string, string][] {
  const contentType = contentTypeFor(request);
  return contentType ? [...request.headers, ['Content-Type', contentType]] : request.headers;
}

// `-H 'Name:'` would remove the header in curl; `-H 'Name;'` sends it empty.
function headerArgument(name: string, value: string): string {
  return value === '' ? `${name};` : `${name}: ${value}`;
}
