// Where a refusal of the curators' forms is shown: the input a refused value's path (the API's `description.en.2`,
// `demoNote`, `stops.3.exhibitId`) belongs to, and that input's label.
import type { FieldProblem } from '../../../functions/site/museum-desk';

/**
 * The input of `inputs` that holds the value at `field`: the field itself, its nearest enclosing input (a paragraph
 * of a description is in the description's text area), or, for a whole text, its first language's input.
 */
export function inputOfField(field: string, inputs: ReadonlySet<string>): string {
  const segments = field.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const candidate = segments.slice(0, length).join('.');
    if (inputs.has(candidate)) return candidate;
  }
  return inputs.has(`${field}.vi`) ? `${field}.vi` : field;
}

/** Each refused input with its first problem, for marking the inputs. */
export function problemsByInput(problems: readonly FieldProblem[], inputs: ReadonlySet<string>) {
  const byInput = new Map<string, string>();
  for (const problem of problems) {
    const input = inputOfField(problem.field, inputs);
    if (!byInput.has(input)) byInput.set(input, problem.message);
  }
  return byInput;
}
