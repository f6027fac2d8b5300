import { NotSupportedError } from './errors.js';

/**
 * Packages that only some uses of neocc need are optional peer dependencies (package.json `peerDependenciesMeta`), so
 * an app that embeds the runtime installs none of them: Dawn's Node bindings (`webgpu`, 132 MB), asc with Binaryen
 * (`assemblyscript`, ~100 MB), `ts-morph` (with its own TypeScript), `onnx-proto` (protobufjs) and the float64
 * reference's erf. This turns "cannot find package X" into one line saying what needs X and how to get it. `range`
 * equals package.json's peerDependencies entry (test/package-manifest.test.ts checks).
 */
export const OPTIONAL_PACKAGES = {
  webgpu: { range: '^0.6.2', neededFor: 'WebGPU in Node (Dawn\'s bindings; browsers use navigator.gpu)' },
  assemblyscript: {
    range: '^0.28.20',
    neededFor: 'compiling WebAssembly kernels at run time (asc; prebuilt kernels, e.g. generated/wasm with registerPrebuiltWasm and one thread, need none)',
  },
  'ts-morph': { range: '^28.0.0', neededFor: '`neocc gen` (it writes the typed kernel modules)' },
  'onnx-proto': { range: '^8.0.1', neededFor: '`neocc export-onnx` (ONNX protobuf)' },
  '@stdlib/math-base-special-erf': { range: '^0.2.6', neededFor: 'the float64 reference backend (`reference`, the default of `neocc conformance`)' },
} as const;

export type OptionalPackage = keyof typeof OPTIONAL_PACKAGES;

/** True when `err` says that `name` (or a file inside it) could not be found, from Node's ESM or CJS loader. */
export function isMissingPackage(err: unknown, name: string): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (typeof e?.message !== 'string') return false;
  const missing = e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND' || /Cannot find (package|module)/.test(e.message);
  return missing && (e.message.includes(`'${name}'`) || e.message.includes(`"${name}"`) || e.message.includes(`/${name}/`) || e.message.includes(`'${name}/`));
}

/** The NotSupportedError for a missing optional package: what needs it, and the install command. */
export function missingPackageError(name: OptionalPackage): NotSupportedError {
  const { range, neededFor } = OPTIONAL_PACKAGES[name];
  return new NotSupportedError(`${neededFor} needs the optional package "${name}", which is not installed; install it: npm install "${name}@${range}"`);
}

/** The package a bare specifier names ('pkg/sub/path' → 'pkg', '@scope/pkg/x' → '@scope/pkg'). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

/**
 * `err` from loading or resolving `specifier` (a bare specifier inside an optional package, e.g. 'assemblyscript/asc'):
 * missingPackageError when the package is missing, else `err` itself.
 */
export function optionalPackageError(err: unknown, specifier: string): unknown {
  const name = packageOf(specifier);
  return name in OPTIONAL_PACKAGES && isMissingPackage(err, name) ? missingPackageError(name as OptionalPackage) : err;
}

/**
 * Runs `load` (a dynamic import of code that needs `name`); a failure to find `name` becomes missingPackageError(name),
 * anything else is rethrown as is.
 */
export async function importOptional<T>(name: OptionalPackage, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (isMissingPackage(err, name)) throw missingPackageError(name);
    throw err;
  }
}
