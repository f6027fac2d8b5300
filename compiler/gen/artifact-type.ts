import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Project, SourceFile } from 'ts-morph';

/**
 * The `KernelArtifact` type for generated modules lives in one file of the output folder, `kernel-artifact.ts`,
 * which every generated module imports. How that file gets the type depends on where the folder is:
 * - inside this repository (the committed `generated/`): it re-exports the compiler's own types by relative path,
 *   so generated code can never drift from compiler/artifact.ts;
 * - anywhere else (an app's source tree): neocc has no package export for its TS sources, so the declarations are
 *   copied out of compiler/artifact.ts and compiler/ir/ir.ts (read with ts-morph, JSDoc included), making the folder
 *   self-contained: an app ships it without the compiler. Structural typing keeps the copy assignable both ways.
 */
export const ARTIFACT_TYPE_FILE = 'kernel-artifact.ts';
export const ARTIFACT_TYPE_MODULE = './kernel-artifact.js';
/** The names kernel-artifact.ts exports; generated modules use KernelArtifact, apps may want the rest. */
export const ARTIFACT_TYPE_NAMES = ['BindingInfo', 'KernelArtifact', 'TargetName', 'UniformField'] as const;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where each exported declaration is defined, relative to the repository root. */
const DECLARATIONS: ReadonlyArray<{ readonly file: string; readonly names: readonly string[] }> = [
  { file: 'compiler/ir/ir.ts', names: ['UniformField'] },
  { file: 'compiler/targets/target.ts', names: ['TargetName'] },
  { file: 'compiler/artifact.ts', names: ['BindingInfo', 'KernelArtifact'] },
];

/** True when `outDir` lies inside this repository, where the compiler's types can be imported by relative path. */
export function isInsideRepository(outDir: string): boolean {
  const rel = relative(REPO_ROOT, resolve(outDir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Adds kernel-artifact.ts for `outDir` to `project` (see the module comment for the two forms). */
export function addArtifactTypeFile(project: Project, outDir: string): SourceFile {
  const file = project.createSourceFile(ARTIFACT_TYPE_FILE, '', { overwrite: true });
  if (isInsideRepository(outDir)) {
    for (const { file: source, names } of DECLARATIONS) {
      file.addExportDeclaration({ isTypeOnly: true, namedExports: [...names], moduleSpecifier: importPath(outDir, source) });
    }
    return file;
  }
  for (const { file: source, names } of DECLARATIONS) {
    const original = project.createSourceFile(`/neocc-sources/${source}`, declarationText(source), { overwrite: true });
    for (const name of names) {
      const alias = original.getTypeAlias(name);
      if (alias) file.addTypeAlias({ ...alias.getStructure(), isExported: true });
      else file.addInterface({ ...original.getInterfaceOrThrow(name).getStructure(), isExported: true });
    }
    project.removeSourceFile(original);
  }
  return file;
}

/**
 * The text that declares `source`'s types: the .ts file in a checkout; in the installed package, which ships built
 * JavaScript and declarations only (dist/), its .d.ts, which keeps the declarations and their JSDoc.
 */
function declarationText(source: string): string {
  const path = join(REPO_ROOT, source);
  return readFileSync(existsSync(path) ? path : path.replace(/\.ts$/, '.d.ts'), 'utf8');
}

/** `source` (a .ts file under the repository root) as an ESM import specifier relative to `outDir`. */
function importPath(outDir: string, source: string): string {
  const rel = relative(resolve(outDir), join(REPO_ROOT, source)).split(sep).join('/').replace(/\.ts$/, '.js');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
