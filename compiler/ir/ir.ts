/**
 * The target-neutral kernel IR: a small typed statement/expression tree that the WGSL, CUDA and AssemblyScript
 * renderers print. Kernels are built once (compiler/ir/build.ts) and never mutated afterwards; everything that
 * differs between targets (type names, builtins, barriers, address spaces) lives in the renderers as data.
 *
 * The semantics below are the contract every renderer implements and compiler/ir/interpret.ts executes;
 * compiler/ir/verify.ts checks the static rules. They follow WGSL wherever WGSL defines something, so the WGSL
 * renderer is a plain printer and the other targets emulate what differs.
 *
 * Execution: a launch runs a grid of workgroups, each of `workgroupSize` invocations. Invocations of different
 * workgroups never synchronize, and a launch must not depend on the order workgroups run in.
 *
 * Memory: storage buffers are arrays of 4-byte elements (f32 or u32) bound by the launch; an access outside a
 * buffer's or workgroup array's length is undefined behaviour (WGSL may clamp, WebAssembly reads its neighbour,
 * CUDA faults) — kernels must not do it, and the interpreter throws. Workgroup (`shared`) arrays exist once per
 * workgroup, are uninitialized at the start of every workgroup (the interpreter fills them with NaN) and are
 * visible to the other invocations of that workgroup only after a `barrier`.
 */
/**
 * Value types. f32 is IEEE binary32: every operation rounds its result to f32 (round to nearest even), except that
 * `fma` may round once or twice (see IntrinsicFn); subnormals may flush to zero on GPUs, so kernels must not depend
 * on them. u32 arithmetic wraps modulo 2^32; i32 arithmetic wraps in two's complement. `bool` is the type of
 * comparisons and conditions.
 *
 * `vec4f` is four f32 lanes (WGSL vec4<f32>, WebAssembly v128 as f32x4): loads and stores of a vec4f touch the 4
 * consecutive f32 elements index..index+3 (no alignment is implied; see `aligned` on load/store); `cast` f32 → vec4f
 * splats; `vec4` builds one from four f32s; + - * / and min max sqrt fma work lane-wise with the f32 rules per lane;
 * `lane` reads one lane. It lets a CPU target use 128-bit SIMD while GPU targets print the same kernel with vec4s.
 * vec4f has no comparisons, no select and no `%`, and must not be live across a barrier (the AssemblyScript renderer
 * carries 4-byte values only and refuses it).
 */
export type ScalarType = 'f32' | 'u32' | 'i32' | 'bool' | 'vec4f';

/**
 * Binary operators; both operands have the same type. Arithmetic (+ - * / %) keeps the operand type, comparisons and
 * && || give bool (&& and || take bools and short-circuit, as in WGSL, so `i < n && load(a, i) > 0` is safe).
 * - u32: + - * wrap modulo 2^32; / truncates; x / 0 = x and x % 0 = 0 (WGSL's definition; WebAssembly would trap, so
 *   the AssemblyScript prelude emulates it).
 * - i32: + - * wrap (two's complement); / truncates toward zero and % takes the dividend's sign; x / 0 = x,
 *   x % 0 = 0, and MIN / -1 = MIN, MIN % -1 = 0 (WGSL).
 * - f32: IEEE with one rounding per operation; % is the truncated remainder x - y·trunc(x / y) (like C fmod).
 */
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';
/**
 * Intrinsics; every argument is evaluated (there is no lazy argument).
 * - min, max: same-typed operands (f32, u32, i32, vec4f lane-wise); with a NaN operand the result is either operand.
 * - select(ifFalse, ifTrue, cond), args in that order as WGSL: BOTH value arms are evaluated, whatever cond is, so an
 *   arm must be safe to evaluate (an out-of-bounds load in the unselected arm is still out of bounds). cond is bool;
 *   the arms are f32, u32, i32 or bool (not vec4f).
 * - sqrt: f32 or vec4f, correctly rounded in the interpreter and WebAssembly; GPU targets may be a few ulps off.
 * - fma(a, b, c) = a·b + c on f32 or vec4f, rounded once (fused) OR twice (a·b rounded, then the sum): the target
 *   chooses, so kernels must tolerate both; the interpreter and the plain AssemblyScript record round twice; the
 *   relaxed-SIMD record prints vec4 fma as f32x4.relaxed_madd, which the engine runs fused or not (V8 on x86 with FMA3:
 *   fused), so its results may differ from the plain record's in the last bits of every product-sum.
 * There is no erf or exp intrinsic: erf is built from arithmetic in the IR (compiler/ir/math.ts), so every target
 * computes the same function.
 */
export type IntrinsicFn = 'min' | 'max' | 'select' | 'sqrt' | 'fma';
/** Invocation ids, all u32: the workgroup's id per axis, the flat index inside the workgroup, the grid size. */
export type BuiltinName = 'workgroup_id.x' | 'workgroup_id.y' | 'workgroup_id.z' | 'local_index' | 'num_workgroups.x';

export type Expr =
  | { readonly k: 'lit'; readonly type: ScalarType; readonly value: number | boolean }
  | { readonly k: 'ref'; readonly type: ScalarType; readonly name: string }
  | { readonly k: 'bin'; readonly type: ScalarType; readonly op: BinaryOp; readonly a: Expr; readonly b: Expr }
  /** Negation of an f32, i32 (wrapping: -MIN = MIN) or vec4f. */
  | { readonly k: 'neg'; readonly type: ScalarType; readonly a: Expr }
  /** select(ifFalse, ifTrue, cond) in args order [ifFalse, ifTrue, cond], as WGSL; see IntrinsicFn. */
  | { readonly k: 'call'; readonly type: ScalarType; readonly fn: IntrinsicFn; readonly args: readonly Expr[] }
  /**
   * Conversion to `type`, as WGSL's value constructors:
   * - f32 → u32 / i32: truncation toward zero, saturating out of range (below → 0 / -2^31; above → the largest
   *   in-range value: WGSL gives the largest f32 below the bound, 4294967040 / 2147483520, WebAssembly's trunc_sat
   *   2^32 - 1 / 2^31 - 1, so kernels must not depend on the exact saturated value). NaN gives an unspecified
   *   value (0 on WebAssembly and in the interpreter): kernels must not convert NaN.
   * - u32 ↔ i32: the bits are reinterpreted (two's complement), not the value: i32(4294967295u) = -1.
   * - u32 / i32 → f32: the nearest f32 (round to nearest even).
   * - bool → number: 1 or 0; number → bool: `!= 0`.
   * - f32 → vec4f: splat (four equal lanes).
   */
  | { readonly k: 'cast'; readonly type: ScalarType; readonly a: Expr }
  /** Lane 0..3 of a vec4f. */
  | { readonly k: 'lane'; readonly type: 'f32'; readonly a: Expr; readonly lane: number }
  /** A vec4f from four f32 values (lanes 0..3). */
  | { readonly k: 'vec4'; readonly type: 'vec4f'; readonly lanes: readonly [Expr, Expr, Expr, Expr] }
  /**
   * Element `index` of a storage buffer or workgroup array (its elem type, or vec4f: elements index..index+3).
   * `aligned` (vec4f only) is a fact the builder proves: index is a multiple of 4 in every launch. Runtimes bind
   * buffers at 16-byte-aligned addresses, so a renderer may then use one 16-byte access (CUDA float4); without it
   * a renderer must not assume alignment. Renderers that gather lanes ignore it; the interpreter checks it.
   */
  | { readonly k: 'load'; readonly type: ScalarType; readonly memory: string; readonly index: Expr; readonly aligned?: true }
  | { readonly k: 'uniform'; readonly type: ScalarType; readonly field: string }
  | { readonly k: 'builtin'; readonly type: 'u32'; readonly name: BuiltinName };

/**
 * Statements. Names are block-scoped: a `let`, `var` or loop variable is visible from its declaration to the end of
 * its block, must be declared before use and is never redeclared while in scope (BlockBuilder makes every name
 * unique per kernel). Only `var`s are assigned.
 */
export type Stmt =
  /** An immutable value. */
  | { readonly k: 'let'; readonly name: string; readonly value: Expr }
  | { readonly k: 'var'; readonly name: string; readonly type: ScalarType; readonly init: Expr }
  | { readonly k: 'assign'; readonly name: string; readonly value: Expr }
  /** Writes a buffer with read_write access or a workgroup array; `aligned` as on load (vec4f values only). */
  | { readonly k: 'store'; readonly memory: string; readonly index: Expr; readonly value: Expr; readonly aligned?: true }
  | { readonly k: 'if'; readonly cond: Expr; readonly then: readonly Stmt[]; readonly else: readonly Stmt[] }
  /**
   * for (var v: u32 = from; v < to; v += step): `to` and `step` are evaluated before every iteration (as WGSL's
   * loop condition and continuing step); v wraps modulo 2^32 like any u32. The body must not assign v.
   */
  | { readonly k: 'for'; readonly v: string; readonly from: Expr; readonly to: Expr; readonly step: Expr; readonly body: readonly Stmt[] }
  /**
   * workgroupBarrier(): every invocation of the workgroup that has not returned reaches it before any continues, and
   * workgroup-array writes before it are visible to all after it. Only in workgroup-uniform control flow: every
   * enclosing condition and loop bound is the same for all invocations of the workgroup (built from literals,
   * uniforms, workgroup ids, num_workgroups, read-only buffers at such indices and names bound to such values) —
   * never from local_index or data written during the launch. CPU targets split the body at barriers relying on it.
   */
  | { readonly k: 'barrier' }
  /** Ends the invocation that runs it (not the workgroup); the others continue and later barriers exclude it. */
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

/** A workgroup array: one per workgroup, uninitialized when the workgroup starts. */
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
