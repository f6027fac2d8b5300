import { WeightsError } from '../weights-error.js';

/**
 * A small pickle VM for exactly what `torch.save(state_dict)` writes into `data.pkl` (protocol 2, plus the cheap
 * protocol 4/5 framing opcodes). It never executes anything: GLOBAL may only name the handful of callables a state
 * dict needs, and each of those is interpreted here; any other global or opcode is a WeightsError naming it.
 */

/** A value on the pickle stack. Lists are arrays; tuples, dicts and globals have their own classes. */
export type PickleValue =
  | null
  | boolean
  | number
  | string
  | PickleValue[]
  | PickleTuple
  | PickleDict
  | PickleGlobal
  | StorageRef
  | TensorRecord;

export class PickleTuple {
  constructor(readonly items: readonly PickleValue[]) {}
}

/** A Python dict or collections.OrderedDict (both keep insertion order); BUILD state lands in `attributes`. */
export class PickleDict {
  readonly entries = new Map<string | number, PickleValue>();
  readonly attributes = new Map<string, PickleValue>();
  constructor(readonly ordered: boolean) {}
}

/** A `module.name` reference from GLOBAL / STACK_GLOBAL (only allowed names get this far). */
export class PickleGlobal {
  constructor(readonly module: string, readonly name: string) {}
  get qualifiedName(): string {
    return `${this.module}.${this.name}`;
  }
}

/** The element type of a torch storage class (`torch.FloatStorage` → float32, …). */
export interface StorageDtype {
  readonly storageClass: string;
  /** torch's name: float32, int64, … */
  readonly name: string;
  readonly bytes: number;
  readonly float: boolean;
}

/** Every typed storage class torch.save can name; only the floating ones can become tensors. */
export const STORAGE_DTYPES: ReadonlyMap<string, StorageDtype> = new Map(
  ([
    ['FloatStorage', 'float32', 4, true],
    ['DoubleStorage', 'float64', 8, true],
    ['HalfStorage', 'float16', 2, true],
    ['BFloat16Storage', 'bfloat16', 2, true],
    ['LongStorage', 'int64', 8, false],
    ['IntStorage', 'int32', 4, false],
    ['ShortStorage', 'int16', 2, false],
    ['CharStorage', 'int8', 1, false],
    ['ByteStorage', 'uint8', 1, false],
    ['BoolStorage', 'bool', 1, false],
  ] as const).map(([storageClass, name, bytes, float]) => [storageClass, { storageClass: `torch.${storageClass}`, name, bytes, float }]),
);

/** A persistent id `('storage', torch.XStorage, key, location, numel)`: the bytes live in `<archive>/data/<key>`. */
export class StorageRef {
  constructor(readonly key: string, readonly dtype: StorageDtype, readonly location: string, readonly numel: number) {}
}

/** What `torch._utils._rebuild_tensor_v2` describes: a strided view of a storage (in elements). */
export class TensorRecord {
  constructor(
    readonly storage: StorageRef,
    readonly storageOffset: number,
    readonly size: readonly number[],
    readonly stride: readonly number[],
  ) {}
}

const ALLOWED_GLOBALS = [
  'collections.OrderedDict',
  'torch._utils._rebuild_tensor_v2',
  'torch._utils._rebuild_parameter',
  ...[...STORAGE_DTYPES.keys()].map((name) => `torch.${name}`),
];

/** Opcode byte → name, for those this VM runs (error messages name the others by byte only). */
const OPCODE_NAMES: Readonly<Record<number, string>> = {
  0x80: 'PROTO', 0x95: 'FRAME', 0x7d: 'EMPTY_DICT', 0x5d: 'EMPTY_LIST', 0x29: 'EMPTY_TUPLE', 0x28: 'MARK',
  0x58: 'BINUNICODE', 0x8c: 'SHORT_BINUNICODE', 0x8d: 'BINUNICODE8', 0x4a: 'BININT', 0x4b: 'BININT1', 0x4d: 'BININT2',
  0x8a: 'LONG1', 0x47: 'BINFLOAT', 0x4e: 'NONE', 0x88: 'NEWTRUE', 0x89: 'NEWFALSE', 0x74: 'TUPLE', 0x85: 'TUPLE1',
  0x86: 'TUPLE2', 0x87: 'TUPLE3', 0x63: 'GLOBAL', 0x93: 'STACK_GLOBAL', 0x52: 'REDUCE', 0x81: 'NEWOBJ', 0x62: 'BUILD',
  0x51: 'BINPERSID', 0x68: 'BINGET', 0x6a: 'LONG_BINGET', 0x71: 'BINPUT', 0x72: 'LONG_BINPUT', 0x94: 'MEMOIZE',
  0x73: 'SETITEM', 0x75: 'SETITEMS', 0x61: 'APPEND', 0x65: 'APPENDS', 0x2e: 'STOP',
};

/**
 * Runs the pickle in `bytes` (the record `record` of checkpoint `source`, both only for messages) and returns the
 * object it builds. Fails with `corrupt-pickle` on malformed or truncated data and `unsupported-pickle` on any
 * opcode or global outside the state-dict subset.
 */
export function unpickle(bytes: Uint8Array, source: string, record: string): PickleValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let stack: PickleValue[] = [];
  const marks: PickleValue[][] = [];
  const memo = new Map<number, PickleValue>();
  let pos = 0;
  let opStart = 0;

  const corrupt = (message: string): never => {
    throw new WeightsError('corrupt-pickle', source, `corrupt pickle ${record} at byte ${opStart}: ${message}`);
  };
  const need = (n: number): number => {
    if (pos + n > bytes.length) corrupt(`needs ${n} more byte(s) but the record ends at byte ${bytes.length} (truncated)`);
    const at = pos;
    pos += n;
    return at;
  };
  const pop = (): PickleValue => {
    if (stack.length === 0) corrupt(`${OPCODE_NAMES[bytes[opStart]!]} on an empty stack`);
    return stack.pop()!;
  };
  const popMark = (): PickleValue[] => {
    const items = stack;
    const outer = marks.pop();
    if (outer === undefined) corrupt(`${OPCODE_NAMES[bytes[opStart]!]} without a MARK`);
    stack = outer!;
    return items;
  };
  const top = (): PickleValue => {
    if (stack.length === 0) corrupt(`${OPCODE_NAMES[bytes[opStart]!]} on an empty stack`);
    return stack[stack.length - 1]!;
  };
  const readString = (length: number): string => {
    const at = need(length);
    try {
      return utf8.decode(bytes.subarray(at, at + length));
    } catch {
      return corrupt('string is not valid UTF-8');
    }
  };
  const memoGet = (index: number): PickleValue => {
    if (!memo.has(index)) corrupt(`memo entry ${index} was never stored`);
    return memo.get(index)!;
  };
  const setItem = (dict: PickleValue, key: PickleValue, value: PickleValue): void => {
    if (!(dict instanceof PickleDict)) return corrupt(`SETITEM(S) on a ${describe(dict)}, not a dict`);
    if (typeof key !== 'string' && typeof key !== 'number') return corrupt(`dict key is a ${describe(key)}; only str and int keys are supported`);
    dict.entries.set(key, value);
  };
  const call = (callable: PickleValue, args: PickleValue): PickleValue => {
    if (!(callable instanceof PickleGlobal)) return corrupt(`REDUCE/NEWOBJ calls a ${describe(callable)}, not a global`);
    if (!(args instanceof PickleTuple)) return corrupt(`REDUCE/NEWOBJ arguments are a ${describe(args)}, not a tuple`);
    return callGlobal(callable, args.items, corrupt);
  };

  for (;;) {
    opStart = pos;
    const op = bytes[need(1)]!;
    switch (op) {
      case 0x80: { // PROTO
        const version = bytes[need(1)]!;
        if (version > 5) corrupt(`pickle protocol ${version} (known: 0-5)`);
        break;
      }
      case 0x95: // FRAME: an 8-byte frame length; frames only matter to streaming readers.
        need(8);
        break;
      case 0x7d: stack.push(new PickleDict(false)); break; // EMPTY_DICT
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x29: stack.push(new PickleTuple([])); break; // EMPTY_TUPLE
      case 0x28: marks.push(stack); stack = []; break; // MARK
      case 0x58: stack.push(readString(view.getUint32(need(4), true))); break; // BINUNICODE
      case 0x8c: stack.push(readString(bytes[need(1)]!)); break; // SHORT_BINUNICODE
      case 0x8d: { // BINUNICODE8
        const length = view.getBigUint64(need(8), true);
        if (length > BigInt(bytes.length)) corrupt(`string of ${length} bytes in a ${bytes.length}-byte record`);
        stack.push(readString(Number(length)));
        break;
      }
      case 0x4a: stack.push(view.getInt32(need(4), true)); break; // BININT
      case 0x4b: stack.push(bytes[need(1)]!); break; // BININT1
      case 0x4d: stack.push(view.getUint16(need(2), true)); break; // BININT2
      case 0x8a: { // LONG1: n little-endian two's-complement bytes
        const n = bytes[need(1)]!;
        const at = need(n);
        let value = 0n;
        for (let i = n - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[at + i]!);
        if (n > 0 && bytes[at + n - 1]! & 0x80) value -= 1n << BigInt(8 * n);
        if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
          corrupt(`integer ${value} is beyond 2^53`);
        }
        stack.push(Number(value));
        break;
      }
      case 0x47: stack.push(view.getFloat64(need(8), false)); break; // BINFLOAT (big-endian)
      case 0x4e: stack.push(null); break; // NONE
      case 0x88: stack.push(true); break; // NEWTRUE
      case 0x89: stack.push(false); break; // NEWFALSE
      case 0x74: { // TUPLE (popMark first: it replaces `stack`)
        const items = popMark();
        stack.push(new PickleTuple(items));
        break;
      }
      case 0x85: stack.push(new PickleTuple([pop()])); break; // TUPLE1
      case 0x86: { // TUPLE2
        const b = pop();
        stack.push(new PickleTuple([pop(), b]));
        break;
      }
      case 0x87: { // TUPLE3
        const c = pop();
        const b = pop();
        stack.push(new PickleTuple([pop(), b, c]));
        break;
      }
      case 0x63: { // GLOBAL: "module\nname\n"
        const module = readLine();
        const name = readLine();
        stack.push(resolveGlobal(module, name, source, record));
        break;
      }
      case 0x93: { // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string') corrupt('STACK_GLOBAL needs two strings');
        stack.push(resolveGlobal(module as string, name as string, source, record));
        break;
      }
      case 0x52: { // REDUCE
        const args = pop();
        stack.push(call(pop(), args));
        break;
      }
      case 0x81: { // NEWOBJ: cls.__new__(cls, *args); only OrderedDict gets here meaningfully.
        const args = pop();
        stack.push(call(pop(), args));
        break;
      }
      case 0x62: { // BUILD: obj.__setstate__(state) / obj.__dict__.update(state)
        const state = pop();
        const target = top();
        if (target instanceof PickleDict && state instanceof PickleDict) {
          // OrderedDict state_dicts carry `_metadata` (per-module versions) this way.
          for (const [k, v] of state.entries) target.attributes.set(String(k), v);
        } else if (!(target instanceof TensorRecord && state === null)) {
          corrupt(`BUILD with a ${describe(state)} on a ${describe(target)}`);
        }
        break;
      }
      case 0x51: { // BINPERSID
        stack.push(persistentLoad(pop(), corrupt));
        break;
      }
      case 0x68: stack.push(memoGet(bytes[need(1)]!)); break; // BINGET
      case 0x6a: stack.push(memoGet(view.getUint32(need(4), true))); break; // LONG_BINGET
      case 0x71: memo.set(bytes[need(1)]!, top()); break; // BINPUT
      case 0x72: memo.set(view.getUint32(need(4), true), top()); break; // LONG_BINPUT
      case 0x94: memo.set(memo.size, top()); break; // MEMOIZE
      case 0x73: { // SETITEM
        const value = pop();
        const key = pop();
        setItem(top(), key, value);
        break;
      }
      case 0x75: { // SETITEMS
        const items = popMark();
        if (items.length % 2 !== 0) corrupt('SETITEMS with an odd number of items');
        const dict = top();
        for (let i = 0; i < items.length; i += 2) setItem(dict, items[i]!, items[i + 1]!);
        break;
      }
      case 0x61: { // APPEND
        const value = pop();
        const list = top();
        if (!Array.isArray(list)) corrupt(`APPEND on a ${describe(list)}, not a list`);
        (list as PickleValue[]).push(value);
        break;
      }
      case 0x65: { // APPENDS
        const items = popMark();
        const list = top();
        if (!Array.isArray(list)) corrupt(`APPENDS on a ${describe(list)}, not a list`);
        (list as PickleValue[]).push(...items);
        break;
      }
      case 0x2e: { // STOP
        const result = pop();
        if (marks.length > 0 || stack.length > 0) corrupt('STOP with values or a MARK still on the stack');
        if (pos !== bytes.length) corrupt(`STOP at byte ${opStart} but the record has ${bytes.length} bytes`);
        return result;
      }
      default:
        throw new WeightsError('unsupported-pickle', source,
          `not supported: pickle opcode 0x${op.toString(16).padStart(2, '0')} (${printable(op)}) at byte ${opStart} of ${record} — ` +
          'only the opcodes torch.save writes for a state dict are understood');
    }
  }

  function readLine(): string {
    const end = bytes.indexOf(0x0a, pos);
    if (end < 0) corrupt('GLOBAL name is not terminated by a newline (truncated)');
    const line = readString(end - pos);
    pos += 1; // the newline
    return line;
  }
}

function resolveGlobal(module: string, name: string, source: string, record: string): PickleGlobal {
  const qualified = `${module}.${name}`;
  if (!ALLOWED_GLOBALS.includes(qualified)) {
    throw new WeightsError('unsupported-pickle', source,
      `not supported: pickle global ${qualified} in ${record} — a state dict checkpoint may only use ${ALLOWED_GLOBALS.slice(0, 3).join(', ')} ` +
      'and torch.*Storage (was the whole model pickled instead of its state_dict()?)');
  }
  return new PickleGlobal(module, name);
}

function callGlobal(callable: PickleGlobal, args: readonly PickleValue[], corrupt: (message: string) => never): PickleValue {
  const signature = (expected: string): never => corrupt(`${callable.qualifiedName}(${args.map(describe).join(', ')}); expected ${expected}`);
  switch (callable.qualifiedName) {
    case 'collections.OrderedDict':
      if (args.length !== 0) signature('no arguments');
      return new PickleDict(true);
    case 'torch._utils._rebuild_tensor_v2': {
      // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
      const [storage, offset, size, stride] = args;
      if (args.length < 6 || args.length > 7 || !(storage instanceof StorageRef) || !isCount(offset)
        || !(size instanceof PickleTuple) || !size.items.every(isCount)
        || !(stride instanceof PickleTuple) || !stride.items.every(isCount) || size.items.length !== stride.items.length) {
        return signature('(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata]) with non-negative integers and equally long size and stride');
      }
      return new TensorRecord(storage, offset as number, size.items as number[], stride.items as number[]);
    }
    case 'torch._utils._rebuild_parameter': {
      // (data, requires_grad, backward_hooks): an nn.Parameter is its data for inference.
      const [data] = args;
      if (args.length !== 3 || !(data instanceof TensorRecord)) return signature('(tensor, requires_grad, backward_hooks)');
      return data;
    }
    default:
      return corrupt(`${callable.qualifiedName} is not callable here`);
  }
}

function persistentLoad(pid: PickleValue, corrupt: (message: string) => never): StorageRef {
  const items = pid instanceof PickleTuple ? pid.items : [];
  const [tag, storageType, key, location, numel] = items;
  if (items.length !== 5 || tag !== 'storage' || !(storageType instanceof PickleGlobal) || typeof key !== 'string'
    || typeof location !== 'string' || !isCount(numel)) {
    return corrupt(`persistent id ${describe(pid)}; expected ('storage', torch.<Type>Storage, key, location, numel)`);
  }
  const dtype = STORAGE_DTYPES.get(storageType.name);
  if (storageType.module !== 'torch' || dtype === undefined) return corrupt(`persistent id names ${storageType.qualifiedName}, not a torch storage class`);
  return new StorageRef(key, dtype, location, numel as number);
}

function isCount(value: PickleValue | undefined): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A short Python-ish description of a value for error messages. */
export function describe(value: PickleValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'None';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  if (value instanceof PickleTuple) return `tuple of ${value.items.length}`;
  if (value instanceof PickleDict) return value.ordered ? 'OrderedDict' : 'dict';
  if (value instanceof PickleGlobal) return value.qualifiedName;
  if (value instanceof StorageRef) return value.dtype.storageClass;
  return 'tensor';
}

function printable(op: number): string {
  return op >= 0x20 && op < 0x7f ? `'${String.fromCharCode(op)}'` : 'binary';
}
