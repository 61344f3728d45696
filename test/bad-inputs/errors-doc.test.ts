// docs/errors.md must list every error code the source can produce, so it cannot go stale.
// Codes are collected from the source itself: `code: '...'` properties, `new SlndStatsError('...'`
// and `super('...'` in an error class, and string literals passed as the `code` argument of a
// helper (`inputIssue(file, line, column, id, path, 'duplicate_column', message)`, `at('empty', ...)`,
// `push(path, 'date_order', ...)`). A plain regex finds only the first two forms, so the source
// is read with the TypeScript parser: a helper is any function in src with a parameter named
// `code`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const parsed = sourceFiles(join(root, 'src')).map((path) => ({
  path,
  source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest),
}));

/**
 * Helpers: functions (declared or arrow) with a parameter named `code`, by name, across all of
 * src (a helper may be imported from another file), with the index of that parameter.
 */
const helpers = new Map<string, number>();
for (const { source } of parsed) {
  const findHelpers = (node: ts.Node) => {
    let name: string | undefined;
    let fn: ts.SignatureDeclaration | undefined;
    if (ts.isFunctionDeclaration(node) && node.name !== undefined) {
      name = node.name.text;
      fn = node;
    } else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer !== undefined &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    ) {
      name = node.name.text;
      fn = node.initializer;
    }
    const index =
      fn?.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'code') ?? -1;
    if (name !== undefined && index >= 0) helpers.set(name, index);
    ts.forEachChild(node, findHelpers);
  };
  findHelpers(source);
}

/** Every error code literal in one file, with the line it is on. */
function codesIn(source: ts.SourceFile): { code: string; line: number }[] {
  const found: { code: string; line: number }[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node !== undefined && ts.isStringLiteralLike(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push({ code: node.text, line: line + 1 });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'code') {
      add(node.initializer);
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text.endsWith('Error')
    ) {
      // new SlndStatsError('CODE', message); other errors' first argument is their message.
      if (node.expression.text === 'SlndStatsError') add(node.arguments?.[0]);
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.SuperKeyword) add(node.arguments[0]);
      else if (ts.isIdentifier(node.expression)) {
        const index = helpers.get(node.expression.text);
        if (index !== undefined) add(node.arguments[index]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const found = parsed.flatMap(({ path, source }) =>
  codesIn(source).map((c) => ({ ...c, where: `${path.slice(root.length)}:${c.line}` })),
);
const codes = [...new Set(found.map((c) => c.code))].sort();

describe('docs/errors.md', () => {
  it('the scan finds the codes of every kind (so an empty scan cannot pass)', () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'COHORT_INVALID', // super('COHORT_INVALID', ...)
        'COHORT_INPUT_INVALID',
        'ENDPOINT_EVENT_AFTER_DEATH', // new SlndStatsError('...', ...)
        'duplicate_id', // code: '...'
        'duplicate_column', // inputIssue(..., 'duplicate_column', ...)
        'wrong_separator', // fileIssue(1, 'wrong_separator', ...)
        'empty', // at('empty', ...)
        'date_order', // push(path, 'date_order', ...)
        'missing_file', // plainIssue(name, 'missing_file', ...)
      ]),
    );
    expect(codes.length).toBeGreaterThan(35);
  });

  it('lists every code found in src, in backticks', () => {
    const missing = found
      .filter((c) => !doc.includes(`\`${c.code}\``))
      .map((c) => `${c.where}: ${c.code}`);
    expect(missing).toEqual([]);
  });

  it('lists every code the bad-inputs corpus expects', () => {
    const cases = fileURLToPath(new URL('./cases', import.meta.url));
    for (const name of readdirSync(cases)) {
      const expected = JSON.parse(readFileSync(join(cases, name, 'expect.json'), 'utf8')) as {
        codes?: string[];
        warnings?: string[];
      };
      for (const code of [...(expected.codes ?? []), ...(expected.warnings ?? [])]) {
        expect(doc, `${name}: ${code}`).toContain(`\`${code}\``);
      }
    }
  });
});
