// Every problem type the API can answer has its row in docs/api-errors.md, and the document names no other.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { problemTitles } from '../../../functions/platform/problem-details.js';

const document = readFileSync(new URL('../../../docs/api-errors.md', import.meta.url), 'utf8');
const documented = new Set(
  [...document.matchAll(/^\| `\/problems\/([a-z0-9-]+)` \| [0-9 /]+ \| .+ \|$/gm)].map(
    (row) => row[1] as string,
  ),
);

describe('docs/api-errors.md', () => {
  it('has a row, with its status and when it is answered, for every problem type', () => {
    const slugs = Object.keys(problemTitles);
    expect(slugs.filter((slug) => !documented.has(slug))).toEqual([]);
  });

  it('documents no problem type the API does not have', () => {
    expect([...documented].filter((slug) => !(slug in problemTitles))).toEqual([]);
  });
});
