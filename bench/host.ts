import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { KernelTarget } from '../compiler/targets/index.js';
import { engineHas, relaxedMaddFuses, wasmSimdVariant } from '../runtime/wasm/simd-variant.js';

/**
 * The host a wasm bench ran on, recorded beside its numbers: the same code measured 29-40 GFLOP/s on an AMD EPYC
 * and 23-29 on an Intel Xeon (issue 13), so a figure without its CPU, SIMD flags, V8 version and kernel variant
 * cannot be compared with another.
 */
export interface HostInfo {
  readonly cpu: string;
  readonly cores: number;
  /** The CPU's SIMD-related flags (/proc/cpuinfo on Linux: sse*, avx*, fma, asimd, sve…); empty where unknown. */
  readonly cpuSimdFlags: readonly string[];
  readonly os: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly v8: string;
  /** The wasm kernels' SIMD variant that ran (plain or relaxed-simd), whether the engine has relaxed SIMD, and whether its relaxed_madd fused here. */
  readonly wasm: { readonly simdVariant: string; readonly relaxedSimd: boolean; readonly relaxedMaddFused: boolean | null };
  /** 1-minute load average when the host was read: other processes on the cores make numbers indicative only. */
  readonly loadAverage: number;
}

const SIMD_FLAG = /^(sse|ssse3|avx|fma|f16c|amx|asimd|neon|sve)/;

function cpuSimdFlags(): string[] {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const line = info.split('\n').find((l) => /^(flags|Features)\s*:/.test(l));
    return line ? line.split(':')[1]!.trim().split(/\s+/).filter((f) => SIMD_FLAG.test(f)) : [];
  } catch {
    return [];
  }
}

/** The machine alone (no wasm engine): for benches whose engine is not this Node's (bench/browser). */
export function machineInfo(): Omit<HostInfo, 'wasm'> {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    cpuSimdFlags: cpuSimdFlags(),
    os: `${platform()} ${release()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}

/** A file-name tag for the host: CPU vendor and family and the core count, e.g. `intel-xeon-2c`, `amd-epyc-7763-8c`. */
export function hostTag(h: Pick<HostInfo, 'cpu' | 'cores'>): string {
  const words = h.cpu.toLowerCase().replace(/\((r|tm)\)|\bcpu\b|\bprocessor\b|@.*$|\d+-core/g, ' ').split(/[^a-z0-9]+/).filter(Boolean);
  return `${words.slice(0, 3).join('-') || 'unknown'}-${h.cores}c`;
}

/** The host, with `target` the AssemblyScript record whose kernels the bench ran (its SIMD variant). */
export function hostInfo(target: KernelTarget): HostInfo {
  return {
    ...machineInfo(),
    wasm: { simdVariant: wasmSimdVariant(target), relaxedSimd: engineHas('relaxed-simd'), relaxedMaddFused: relaxedMaddFuses() ?? null },
  };
}

/** One line for a bench's header. */
export function hostLine(h: HostInfo): string {
  const fused = h.wasm.relaxedMaddFused === null ? 'no relaxed SIMD' : `relaxed_madd ${h.wasm.relaxedMaddFused ? 'fused' : 'not fused'}`;
  return `${h.cpu}, ${h.cores} cores (${h.cpuSimdFlags.join(' ') || 'SIMD flags unknown'}) · node ${h.node}, V8 ${h.v8} · ` +
    `wasm SIMD ${h.wasm.simdVariant} (${fused}) · load ${h.loadAverage}`;
}
