import type { Expr, KernelIR, ScalarType, Stmt } from '../ir/ir.js';

/** What WGSL calls things; the CUDA and AssemblyScript renderers have tables of their own. */
const TYPE: Record<ScalarType, string> = { f32: 'f32', u32: 'u32', i32: 'i32', bool: 'bool', vec4f: 'vec4<f32>' };
const LANE = ['x', 'y', 'z', 'w'] as const;
const BUILTIN: Record<string, string> = {
  'workgroup_id.x': 'wid.x',
  'workgroup_id.y': 'wid.y',
  'workgroup_id.z': 'wid.z',
  local_index: 'lidx',
  'num_workgroups.x': 'nwg.x',
};
export const WGSL_ENTRY_POINT = 'main';
export const WGSL_UNIFORM_VAR = 'params';

function literal(e: Extract<Expr, { k: 'lit' }>): string {
  switch (e.type) {
    case 'bool': return String(e.value);
    case 'u32': return `${e.value}u`;
    case 'i32': return `${e.value}i`;
    case 'vec4f': throw new RangeError('IR has no vec4f literals (splat an f32)');
    case 'f32': {
      const v = e.value as number;
      if (!Number.isFinite(v)) throw new RangeError(`WGSL has no literal for ${v}`);
      // Shortest round-tripping text of the f32 value; WGSL needs a '.' or exponent for a float literal.
      const text = String(v);
      return `${/[.e]/.test(text) ? text : `${text}.0`}f`;
    }
  }
}

/** Fully parenthesized: renderers never reason about precedence. */
export function wgslExpr(e: Expr): string {
  switch (e.k) {
    case 'lit': return literal(e);
    case 'ref': return e.name;
    case 'bin': return `(${wgslExpr(e.a)} ${e.op} ${wgslExpr(e.b)})`;
    case 'neg': return `(-${wgslExpr(e.a)})`;
    case 'call': return `${e.fn}(${e.args.map(wgslExpr).join(', ')})`;
    case 'cast': return `${TYPE[e.type]}(${wgslExpr(e.a)})`;
    case 'lane': return `${wgslExpr(e.a)}.${LANE[e.lane]}`;
    case 'vec4': return `vec4<f32>(${e.lanes.map(wgslExpr).join(', ')})`;
    case 'load': {
      const index = wgslExpr(e.index);
      // Buffers are array<f32>: a vec4f is gathered from its 4 consecutive elements.
      if (e.type === 'vec4f') return `vec4<f32>(${LANE.map((_, l) => `${e.memory}[${l === 0 ? index : `${index} + ${l}u`}]`).join(', ')})`;
      return `${e.memory}[${index}]`;
    }
    case 'uniform': return `${WGSL_UNIFORM_VAR}.${e.field}`;
    case 'builtin': return BUILTIN[e.name]!;
  }
}

function stmt(s: Stmt, indent: string, out: string[]): void {
  switch (s.k) {
    case 'let': out.push(`${indent}let ${s.name} = ${wgslExpr(s.value)};`); break;
    case 'var': out.push(`${indent}var ${s.name}: ${TYPE[s.type]} = ${wgslExpr(s.init)};`); break;
    case 'assign': out.push(`${indent}${s.name} = ${wgslExpr(s.value)};`); break;
    case 'store':
      if (s.value.type === 'vec4f') {
        // One scope per vec4 store, so its two temporaries never clash (WGSL names cannot start with `__`).
        out.push(`${indent}{`, `${indent}  let _at = ${wgslExpr(s.index)};`, `${indent}  let _v = ${wgslExpr(s.value)};`);
        LANE.forEach((l, i) => out.push(`${indent}  ${s.memory}[${i === 0 ? '_at' : `_at + ${i}u`}] = _v.${l};`));
        out.push(`${indent}}`);
      } else {
        out.push(`${indent}${s.memory}[${wgslExpr(s.index)}] = ${wgslExpr(s.value)};`);
      }
      break;
    case 'barrier': out.push(`${indent}workgroupBarrier();`); break;
    case 'return': out.push(`${indent}return;`); break;
    case 'comment': out.push(`${indent}// ${s.text}`); break;
    case 'if':
      out.push(`${indent}if (${wgslExpr(s.cond)}) {`);
      for (const t of s.then) stmt(t, `${indent}  `, out);
      if (s.else.length > 0) {
        out.push(`${indent}} else {`);
        for (const t of s.else) stmt(t, `${indent}  `, out);
      }
      out.push(`${indent}}`);
      break;
    case 'for':
      out.push(`${indent}for (var ${s.v}: u32 = ${wgslExpr(s.from)}; ${s.v} < ${wgslExpr(s.to)}; ${s.v} = ${s.v} + ${wgslExpr(s.step)}) {`);
      for (const t of s.body) stmt(t, `${indent}  `, out);
      out.push(`${indent}}`);
      break;
  }
}

/**
 * Prints a kernel as a WGSL compute shader. Bindings in group 0 follow the IR's order: buffers (inputs, then
 * outputs), then one uniform struct (runtime/webgpu builds its bind-group layout from the same order).
 */
export function renderWgsl(kernel: KernelIR): string {
  const out: string[] = kernel.doc.map((line) => `// ${line}`);
  if (out.length > 0) out.push('');
  kernel.buffers.forEach((b, i) => {
    out.push(`@group(0) @binding(${i}) var<storage, ${b.access}> ${b.name}: array<${b.elem}>;`);
  });
  if (kernel.uniforms.length > 0) {
    out.push('', 'struct Params {', ...kernel.uniforms.map((u) => `  ${u.name}: ${u.type},`), '}');
    out.push(`@group(0) @binding(${kernel.buffers.length}) var<uniform> ${WGSL_UNIFORM_VAR}: Params;`);
  }
  for (const s of kernel.shared) out.push(`var<workgroup> ${s.name}: array<${s.elem}, ${s.length}>;`);
  const body: string[] = [];
  for (const s of kernel.body) stmt(s, '  ', body);
  out.push('', `@compute @workgroup_size(${kernel.workgroupSize})`);
  out.push(`fn ${WGSL_ENTRY_POINT}(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lidx: u32, @builtin(num_workgroups) nwg: vec3<u32>) {`);
  out.push(...body);
  out.push('}', '');
  return out.join('\n');
}
