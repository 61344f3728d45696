// Lists the functions longer than a limit, as `file:line name length`, one a line, longest
// first (issue 13: "no function over ~80 lines without a reason"; GUIDE.md: a function past ~80
// lines usually hides a second idea or a state object). Counted: top-level function
// declarations, functions and arrow functions assigned to a top-level `const`/`let`, and the
// methods, constructors and accessors of top-level classes, each from its first line (the
// `function` keyword or the name, after the TSDoc) to its closing brace. Nested functions count
// inside the function that holds them. A function kept long on purpose says why in a comment
// `// Long because: ...` and is listed all the same, marked `(kept: <reason>)`.
//
// Usage: node scripts/function-lengths.mjs [--max 80] [--fail] [dir or .ts file ...]
//   (default: src)
// With --fail the exit code is 1 when a function over the limit has no `Long because` comment.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
let max = 80;
let fail = false;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--max') max = Number(args[++i]);
  else if (args[i] === '--fail') fail = true;
  else dirs.push(args[i]);
}
if (!Number.isInteger(max) || max < 1) {
  console.error(`function-lengths: --max must be a positive integer. Value: ${max}.`);
  process.exit(2);
}
if (dirs.length === 0) dirs.push('src');

/** Every .ts file under dir (declaration files excluded), sorted; a .ts file is itself. */
function sourceFiles(dir) {
  if (dir.endsWith('.ts') && statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
    })
    .sort();
}

const isFunctionLike = (node) =>
  node !== undefined && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));

/** The top-level functions and methods of a source file, as { name, node }. */
function functionsOf(source) {
  const found = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.body !== undefined) {
      found.push({ name: statement.name?.text ?? '(default)', node: statement });
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (isFunctionLike(decl.initializer) && ts.isIdentifier(decl.name)) {
          found.push({ name: decl.name.text, node: decl });
        }
      }
    } else if (ts.isClassDeclaration(statement)) {
      const className = statement.name?.text ?? '(class)';
      for (const member of statement.members) {
        const isMethod =
          ts.isMethodDeclaration(member) ||
          ts.isConstructorDeclaration(member) ||
          ts.isGetAccessorDeclaration(member) ||
          ts.isSetAccessorDeclaration(member);
        if (!isMethod || member.body === undefined) continue;
        const name = ts.isConstructorDeclaration(member)
          ? 'constructor'
          : (member.name?.getText(source) ?? '(method)');
        found.push({ name: `${className}.${name}`, node: member });
      }
    }
  }
  return found;
}

/** The reason in a `// Long because: ...` comment inside the function or just above it. */
function keptBecause(text, source, node) {
  const start = ts.getLineAndCharacterOfPosition(source, node.getStart(source)).line;
  const end = ts.getLineAndCharacterOfPosition(source, node.getEnd()).line;
  const lines = text.split('\n');
  for (let l = Math.max(0, start - 3); l <= end; l++) {
    const match = /\/\/\s*Long because:\s*(.*)$/.exec(lines[l] ?? '');
    if (match) return match[1].trim();
  }
  return null;
}

const rows = [];
for (const dir of dirs) {
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const { name, node } of functionsOf(source)) {
      const start = ts.getLineAndCharacterOfPosition(source, node.getStart(source)).line;
      const end = ts.getLineAndCharacterOfPosition(source, node.getEnd()).line;
      const length = end - start + 1;
      if (length <= max) continue;
      const path = relative(process.cwd(), file).replaceAll('\\', '/');
      rows.push({ path, line: start + 1, name, length, kept: keptBecause(text, source, node) });
    }
  }
}
rows.sort((a, b) => b.length - a.length || a.path.localeCompare(b.path) || a.line - b.line);
for (const { path, line, name, length, kept } of rows) {
  console.log(`${path}:${line} ${name} ${length}${kept === null ? '' : ` (kept: ${kept})`}`);
}
const unexplained = rows.filter((row) => row.kept === null).length;
console.error(
  `function-lengths: ${rows.length} function(s) over ${max} lines, ${unexplained} without a "Long because" comment`,
);
if (fail && unexplained > 0) process.exit(1);
