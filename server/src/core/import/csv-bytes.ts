// A CSV export's bytes as text, apart from reading its table: the extension decodes a picked file with it and
// leaves the reading (csv-parse) to the language server.

/**
 * The text of a CSV file's bytes: UTF-8 (a byte-order mark is dropped), else Windows-1251, which Excel writes when a
 * Russian user saves as plain "CSV" rather than "CSV UTF-8".
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}
