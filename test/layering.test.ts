// Locks the layering of CONTRIBUTING.md ("a module never imports from an area to its right") and
// what each published entry may reach (issue 13): the analyses never import the report, the
// plots, the renderings or the notebook display, and the browser-safe main entry never reaches
// Node, notebook, plotting or rendering code, so a browser bundle of one analysis carries only
// what that analysis uses. Read from the sources' import and export statements, type-only
// imports included: a type from an area to the right is a layering error too.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** Every .ts file under src, as a path relative to src with forward slashes. */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path).replaceAll('\\', '/')] : [];
  });
}

/** The specifiers a file imports or re-exports from, static and dynamic. */
function specifiers(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) found.push(match[1] as string);
  }
  return found;
}

/** A relative specifier as the source file it names (`./x.js` is `x.ts` or `x/index.ts`). */
function resolveRelative(from: string, specifier: string): string {
  const path = relative(SRC, resolve(SRC, dirname(from), specifier)).replaceAll('\\', '/');
  const ts = path.replace(/\.js$/, '.ts');
  return files.includes(ts) ? ts : `${path}/index.ts`;
}

/**
 * The area of a file: its first folder under src; `entry` for src/index.ts (the main entry,
 * checked by what it reaches), `root` for src/errors.ts and src/version.ts.
 */
const areaOf = (file: string): string =>
  file === 'index.ts' ? 'entry' : file.includes('/') ? file.split('/')[0]! : 'root';

const files = sourceFiles();
const imports = new Map(
  files.map((file) => {
    const all = specifiers(file);
    return [
      file,
      {
        local: all.filter((s) => s.startsWith('.')).map((s) => resolveRelative(file, s)),
        external: all.filter((s) => !s.startsWith('.')),
      },
    ];
  }),
);

/** Every file an entry reaches through its imports, the entry included. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...(imports.get(file)?.local ?? []));
  }
  return seen;
}

const ANALYSES = [
  'root',
  '_lib',
  'model',
  'input',
  'simulate',
  'stats',
  'psa',
  'complications',
  'survival',
  'monitoring',
  'regression',
];
/** Areas each area must not import from: those to its right in CONTRIBUTING.md's table. */
const FORBIDDEN: Record<string, readonly string[]> = {
  ...Object.fromEntries(
    ANALYSES.map((a) => [a, ['report', 'plot', 'render', 'notebook', 'node', 'cli']]),
  ),
  report: ['plot', 'render', 'notebook', 'node', 'cli'],
  plot: ['render', 'notebook', 'node', 'cli'],
  render: ['notebook', 'node', 'cli'],
  notebook: ['node', 'cli'],
  node: ['notebook', 'cli'],
  cli: [],
  entry: [],
};

describe('layering', () => {
  it('knows every area under src', () => {
    const unknown = [...new Set(files.map(areaOf))].filter((a) => !(a in FORBIDDEN));
    expect(unknown, 'add the new area to FORBIDDEN and to CONTRIBUTING.md').toEqual([]);
    expect(files.length).toBeGreaterThan(50);
  });

  it('resolves every relative import to a source file', () => {
    const missing = [...imports].flatMap(([file, { local }]) =>
      local.filter((target) => !files.includes(target)).map((target) => `${file} -> ${target}`),
    );
    expect(missing).toEqual([]);
  });

  it('no module imports from an area to its right', () => {
    const wrong = [...imports].flatMap(([file, { local }]) =>
      local
        .filter((target) => FORBIDDEN[areaOf(file)]!.includes(areaOf(target)))
        .map((target) => `${file} -> ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the analyses and the main entry import no Node built-in', () => {
    const main = closure('index.ts');
    const wrong = [...main].flatMap((file) =>
      imports
        .get(file)!
        .external.filter((s) => s.startsWith('node:') || /^(fs|path|os|url|util)$/.test(s))
        .map((s) => `${file} -> ${s}`),
    );
    expect(wrong).toEqual([]);
  });

  it.each([
    ['index.ts', ['node', 'cli', 'notebook', 'plot', 'render']],
    ['input/index.ts', ['node', 'cli', 'notebook', 'plot', 'render', 'report']],
    ['plot/index.ts', ['node', 'cli', 'notebook', 'render', 'report']],
    ['notebook/index.ts', ['node', 'cli']],
  ])('the entry %s reaches none of %j', (entry, areas) => {
    const reached = [...closure(entry)].filter((file) => areas.includes(areaOf(file)));
    expect(reached).toEqual([]);
  });

  it('the main entry reaches no plotting library', () => {
    const external = [...closure('index.ts')].flatMap((file) => imports.get(file)!.external);
    expect(external.filter((s) => s.startsWith('d3-'))).toEqual([]);
    // CSV exports are read through slnd-stats/csv: the main entry carries no CSV parser.
    expect(external.filter((s) => s.includes('csv-parse'))).toEqual([]);
    expect(external.length).toBeGreaterThan(0);
  });
});
