// The extension host's own performance marks around one extension's activation: code loading vs. the activate() call.
//
// VS Code's extension host marks `code/extHost/{will,did}LoadExtensionCode/<id>` around the require of the main
// module and `code/extHost/{will,did}ActivateExtension/<id>` around the call of activate() (Date.now() values).
// The marks live in globalThis.MonacoPerformanceMarks, an internal of vs/base/common/performance that the tests
// share by running in the same process; if a VS Code version drops it, the phases are simply not reported.

interface Mark {
  name: string;
  startTime: number;
}

export interface ActivationPhases {
  /** Evaluating dist/extension.js in the host. */
  codeLoadingMs: number;
  /** From the call of activate() to the settling of its promise (the language client's start included). */
  activateCallMs: number;
}

function hostMarks(): Mark[] | undefined {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks?: () => unknown } }).MonacoPerformanceMarks?.getMarks?.();
  return Array.isArray(marks) ? (marks as Mark[]) : undefined;
}

export function hostActivationPhases(extensionId: string): ActivationPhases | undefined {
  const marks = hostMarks();
  const at = (what: string) => marks?.find((mark) => mark.name === `code/extHost/${what}/${extensionId}`)?.startTime;
  const [willLoad, didLoad, willActivate, didActivate] = ['willLoadExtensionCode', 'didLoadExtensionCode', 'willActivateExtension', 'didActivateExtension'].map(at);
  if (willLoad === undefined || didLoad === undefined || willActivate === undefined || didActivate === undefined) return undefined;
  return { codeLoadingMs: didLoad - willLoad, activateCallMs: didActivate - willActivate };
}
