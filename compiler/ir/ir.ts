/**
 * The target-neutral kernel IR: a small typed statement/expression tree that the WGSL, CUDA and AssemblyScript
 * renderers print. Kernels are built once (compiler/ir/build.ts) and never mutated afterwards; everything that
 * differs between targets (type names, builtins, barriers, address spaces) lives in the renderers as data.
 */
/**
 * Value types. `vec4f` is four f32 lanes (WGSL vec4<f32>, WebAssembly v128 as f32x4): loads and stores of a vec4f
 * touch 4 consecutive f32 elements; `cast` f32 → vec4f splats; `vec4` builds one from four f32s; + - * / min max
 * sqrt fma work lane-wise; `lane` reads one lane. It lets a CPU target use 128-bit SIMD while GPU targets print the same kernel with vec4s.
 */
export type ScalarType = 'f32' | 'u32' | 'i32' | 'bool' | 'vec4f';

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';
export type IntrinsicFn = 'min' | 'max' | 'select' | 'sqrt' | 'erf' | 'fma';
/** Invocation ids, all u32: the workgroup's id per axis, the flat index inside the workgroup, the grid size. */
export type BuiltinName = 'workgroup_id.x' | 'workgroup_id.y' | 'workgroup_id.z' | 'local_index' | 'num_workgroups.x';

export type Expr =
  | { readonly k: 'lit'; readonly type: ScalarType; readonly value: number | boolean }
  | { readonly k: 'ref'; readonly type: ScalarType; readonly name: string }
  | { readonly k: 'bin'; readonly type: ScalarType; readonly op: BinaryOp; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'neg'; readonly type: ScalarType; readonly a: Expr }
  /** select(ifFalse, ifTrue, cond) in args order [ifFalse, ifTrue, cond], as WGSL. */
  | { readonly k: 'call'; readonly type: ScalarType; readonly fn: IntrinsicFn; readonly args: readonly Expr[] }
  | { readonly k: 'cast'; readonly type: ScalarType; readonly a: Expr }
  /** Lane 0..3 of a vec4f. */
  | { readonly k: 'lane'; readonly type: 'f32'; readonly a: Expr; readonly lane: number }
  /** A vec4f from four f32 values (lanes 0..3). */
  | { readonly k: 'vec4'; readonly type: 'vec4f'; readonly lanes: readonly [Expr, Expr, Expr, Expr] }
  /** Element of a storage buffer, a workgroup array, or a uniform field (index ignored for uniforms). */
  | { readonly k: 'load'; readonly type: ScalarType; readonly memory: string; readonly index: Expr }
  | { readonly k: 'uniform'; readonly type: ScalarType; readonly field: string }
  | { readonly k: 'builtin'; readonly type: 'u32'; readonly name: BuiltinName };

export type Stmt =
  | { readonly k: 'let'; readonly name: string; readonly value: Expr }
  | { readonly k: 'var'; readonly name: string; readonly type: ScalarType; readonly init: Expr }
  | { readonly k: 'assign'; readonly name: string; readonly value: Expr }
  | { readonly k: 'store'; readonly memory: string; readonly index: Expr; readonly value: Expr }
  | { readonly k: 'if'; readonly cond: Expr; readonly then: readonly Stmt[]; readonly else: readonly Stmt[] }
  /** for (var v: u32 = from; v < to; v += step) */
  | { readonly k: 'for'; readonly v: string; readonly from: Expr; readonly to: Expr; readonly step: Expr; readonly body: readonly Stmt[] }
  | { readonly k: 'barrier' }
  | { readonly k: 'return' }
  | { readonly k: 'comment'; readonly text: string };

/** A storage buffer binding; bindings are numbered in declaration order: inputs, then outputs, then the uniforms. */
export interface BufferDecl {
  readonly name: string;
  readonly access: 'read' | 'read_write';
  readonly elem: 'f32' | 'u32';
}

export interface UniformField {
  readonly name: string;
  readonly type: 'u32' | 'f32';
}

export interface SharedDecl {
  readonly name: string;
  readonly elem: 'f32';
  readonly length: number;
}

export interface KernelIR {
  readonly name: string;
  readonly workgroupSize: number;
  readonly buffers: readonly BufferDecl[];
  /** One uniform struct, bound after the buffers; empty means no uniform binding. */
  readonly uniforms: readonly UniformField[];
  readonly shared: readonly SharedDecl[];
  readonly body: readonly Stmt[];
  /** Human-readable header lines (what the kernel computes, what is baked in). */
  readonly doc: readonly string[];
}
