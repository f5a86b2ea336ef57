// Reads the fields file's `severity`: the project's level for each problem code it names.
import { structureProblem, uniqueProperties, type TreeNode } from './fields-file-tree';
import { didYouMean } from '../base/did-you-mean';
import { phrase } from '../base/l10n';
import { HINTS, isProblemCode, isSeverityLevel, ProblemCode, type SeverityLevel } from '../base/problems';
import type { StructureProblem } from '../base/types';

/**
 * `{ "receiver-unknown-parameter": "off", "insecure-http": "warning" }`. An unknown code or level is reported, not
 * ignored in silence, and the entry changes nothing: a misspelt code would otherwise leave a project believing a
 * check is off (or on) that is not.
 */
export function readSeverity(value: TreeNode, problems: StructureProblem[]): Map<ProblemCode, SeverityLevel> {
  const levels = new Map<ProblemCode, SeverityLevel>();
  if (value.kind === 'null') return levels;
  if (value.kind !== 'object') {
    problems.push(structureProblem(value.span, phrase('{0} must be an object: one problem code per property, with its level.', 'severity')));
    return levels;
  }
  for (const entry of uniqueProperties(value, 'severity', problems)) {
    const level = entry.value.scalar;
    if (!isProblemCode(entry.key)) {
      const suggestion = didYouMean(entry.key, Object.values(ProblemCode));
      problems.push({ code: ProblemCode.FieldsSeverityUnknownCode, span: entry.keySpan, args: [entry.key, suggestion ? phrase(HINTS.didYouMean, suggestion) : ''] });
    } else if (!isSeverityLevel(level)) {
      problems.push({ code: ProblemCode.FieldsSeverityUnknownLevel, span: entry.value.span, args: [String(level), entry.key] });
    } else {
      levels.set(entry.key, level);
    }
  }
  return levels;
}
