// Runs a request handler so that it never throws at the client: errors are logged and answered neutrally.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

export function runSafe<T>(connection: Connection, name: string, neutral: T, token: CancellationToken | undefined, work: () => T): T | ResponseError<undefined> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  try {
    return work();
  } catch (error) {
    connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return neutral;
  }
}

export async function runSafeAsync<T>(connection: Connection, name: string, neutral: T, token: CancellationToken | undefined, work: () => Promise<T>): Promise<T | ResponseError<undefined>> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  try {
    return await work();
  } catch (error) {
    connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return neutral;
  }
}
