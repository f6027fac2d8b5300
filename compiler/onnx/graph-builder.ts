import onnxProto from 'onnx-proto';

/**
 * A tiny append-only ONNX graph builder over onnx-proto's protobufjs messages: the NeoNeXt exporters describe
 * their graph with `node`/`initializer`, and `encode()` writes one ModelProto. Initializers are float32
 * (raw_data, little-endian) or int64 (shapes, axes). Names are generated from a prefix plus a counter, so the
 * graph stays readable in Netron.
 */
const { onnx } = onnxProto;

/** ONNX opset of the default domain; 17 is the first with LayerNormalization, and ReduceMean still takes `axes` as an attribute. */
export const ONNX_OPSET = 17;
/** IR version 8 goes with opsets 15–18. */
export const ONNX_IR_VERSION = 8;

export type AttributeValue = number | readonly number[] | string | { readonly float: number };

/** A float32 initializer: shape plus values (float64 values are rounded to float32 once, here). */
export interface FloatInitializer {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

export interface GraphIo {
  readonly name: string;
  /** A number is a fixed size; a string is a symbolic (dynamic) dimension such as "N". */
  readonly shape: readonly (number | string)[];
}

export class OnnxGraphBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly names = new Set<string>();
  private counter = 0;

  /** A fresh value name with this prefix. */
  fresh(prefix: string): string {
    let name = `${prefix}_${this.counter++}`;
    while (this.names.has(name)) name = `${prefix}_${this.counter++}`;
    this.names.add(name);
    return name;
  }

  /** Adds a float32 initializer named `name` (must be unique) and returns the name. */
  float(name: string, t: FloatInitializer): string {
    this.claim(name);
    const n = t.shape.reduce((a, b) => a * b, 1);
    if (t.data.length !== n) throw new RangeError(`initializer ${name}: shape [${t.shape.join(', ')}] needs ${n} values, got ${t.data.length}`);
    const f32 = t.data instanceof Float32Array ? t.data : Float32Array.from(t.data);
    this.initializers.push({ name, dataType: onnx.TensorProto.DataType.FLOAT, dims: [...t.shape], rawData: littleEndianBytes(f32) });
    return name;
  }

  /** Adds an int64 initializer (reshape shapes, pads). */
  int64(name: string, values: readonly number[]): string {
    this.claim(name);
    const bytes = new Uint8Array(values.length * 8);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
    this.initializers.push({ name, dataType: onnx.TensorProto.DataType.INT64, dims: [values.length], rawData: bytes });
    return name;
  }

  /** Appends one node; returns its single output's name (a fresh one named after the op unless given). */
  node(opType: string, inputs: readonly string[], attributes: Record<string, AttributeValue> = {}, output?: string): string {
    const out = output ?? this.fresh(opType.toLowerCase());
    if (output !== undefined) this.claim(output);
    this.nodes.push({
      opType,
      name: `${opType}_${this.nodes.length}`,
      input: [...inputs],
      output: [out],
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    });
    return out;
  }

  get nodeCount(): number {
    return this.nodes.length;
  }

  get initializerCount(): number {
    return this.initializers.length;
  }

  /** The whole model, serialized. */
  encode(graphName: string, inputs: readonly GraphIo[], outputs: readonly GraphIo[], docString: string): Uint8Array {
    const model: onnxProto.onnx.IModelProto = {
      irVersion: ONNX_IR_VERSION,
      opsetImport: [{ domain: '', version: ONNX_OPSET }],
      producerName: 'neocc',
      producerVersion: '0.1.0',
      docString,
      graph: {
        name: graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: inputs.map(valueInfo),
        output: outputs.map(valueInfo),
      },
    };
    return onnx.ModelProto.encode(model).finish();
  }

  private claim(name: string): void {
    if (this.names.has(name)) throw new RangeError(`ONNX graph: the name "${name}" is used twice`);
    this.names.add(name);
  }
}

function littleEndianBytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return bytes;
}

function attribute(name: string, value: AttributeValue): onnxProto.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new RangeError(`attribute ${name}: ${value} is not an integer; pass { float: ${value} }`);
    return { name, type: T.INT, i: value };
  }
  if ('float' in value) return { name, type: T.FLOAT, f: value.float };
  return { name, type: T.INTS, ints: [...value] };
}

function valueInfo(io: GraphIo): onnxProto.onnx.IValueInfoProto {
  return {
    name: io.name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: { dim: io.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

/** Decodes a serialized model (for tests and the CLI summary). */
export function decodeOnnxModel(bytes: Uint8Array): onnxProto.onnx.ModelProto {
  return onnx.ModelProto.decode(bytes);
}
