/** What test/browser-webgpu.test.ts sends to the page and gets back (plain JSON-serializable data). */

/** One NeoCell run: a spec in upstream `channel_specs` form, the input shape, and flat float data. */
export interface NeoCellRequest {
  readonly channelSpecs: unknown;
  readonly inputShape: readonly number[];
  readonly x: readonly number[];
  /** Per channel group, flat weight data ([C_j, h_out, h_in] and [C_j, w_in, w_out]). */
  readonly weightA: ReadonlyArray<readonly number[]>;
  readonly weightB: ReadonlyArray<readonly number[]>;
  readonly gradY: readonly number[];
}

export interface NeoCellResponse {
  readonly y: number[];
  readonly gradX: number[];
  readonly gradA: number[][];
  readonly gradB: number[][];
  /** WebGpuBackend's description ("WebGPU on <adapter>"). */
  readonly backend: string;
  readonly milliseconds: number;
}

export interface GpuProbe {
  readonly hasNavigatorGpu: boolean;
  readonly secureContext: boolean;
  readonly userAgent: string;
  /** The backend's description, or the error WebGpuBackend.create() threw. */
  readonly backend?: string;
  readonly software?: boolean;
  readonly error?: string;
}

/** Functions the bundle puts on `window`. */
export interface NeoccBrowserApi {
  probe(): Promise<GpuProbe>;
  runNeoCell(request: NeoCellRequest): Promise<NeoCellResponse>;
}

export const API_GLOBAL = 'neocc';
