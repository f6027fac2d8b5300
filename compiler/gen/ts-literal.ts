import type { CodeBlockWriter, WriterFunction } from 'ts-morph';

/**
 * Writer functions for the values embedded in generated modules. ts-morph builds the declarations; expressions are
 * written token by token here from plain data (never by splicing user text into code), so any string is quoted
 * safely and the same value always prints the same way.
 */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Plain JSON-like data: what artifacts and canonical specs are made of. */
export type PlainValue = null | boolean | number | string | readonly PlainValue[] | { readonly [key: string]: PlainValue };

/**
 * A no-substitution template literal whose value is exactly `text`: kernel sources stay readable and diff line by
 * line. `\`, backquote and `${` are escaped; `\r` too, since a raw CR inside a template literal reads back as LF.
 */
export function templateLiteral(text: string): WriterFunction {
  const escaped = text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r');
  return (writer) => { writer.write(`\`${escaped}\``); };
}

/**
 * `value` as a TS expression. Arrays and objects holding only scalars print on one line, others one entry per line;
 * keys keep their insertion order (the compiler builds its objects in a fixed order). `override` supplies the writer
 * for chosen top-level keys (the kernel source).
 */
export function literal(value: PlainValue, override: Readonly<Record<string, WriterFunction>> = {}): WriterFunction {
  return (writer) => writeValue(writer, value, override);
}

const isScalar = (v: PlainValue): boolean => v === null || typeof v !== 'object';
/** Scalars and arrays of scalars: what fits on one line inside an object. */
const isFlat = (v: PlainValue): boolean => isScalar(v) || (Array.isArray(v) && (v as readonly PlainValue[]).every(isScalar));

function writeValue(writer: CodeBlockWriter, value: PlainValue, override: Readonly<Record<string, WriterFunction>> = {}): void {
  if (value === null || typeof value === 'boolean') {
    writer.write(String(value));
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot embed the non-finite number ${value}`);
    writer.write(Object.is(value, -0) ? '-0' : String(value));
  } else if (typeof value === 'string') {
    if (/[\r\n\u2028\u2029]/.test(value)) templateLiteral(value)(writer);
    else writer.quote(value);
  } else if (Array.isArray(value)) {
    writeArray(writer, value as readonly PlainValue[]);
  } else {
    writeObject(writer, value as { readonly [key: string]: PlainValue }, override);
  }
}

function writeArray(writer: CodeBlockWriter, items: readonly PlainValue[]): void {
  const oneLine = items.every(isScalar);
  writer.write('[');
  items.forEach((item, i) => {
    if (oneLine) writer.conditionalWrite(i > 0, ', ');
    else writer.newLine().write('');
    writeValue(writer, item);
    if (!oneLine) writer.write(',');
  });
  if (!oneLine && items.length > 0) writer.newLine();
  writer.write(']');
}

function writeObject(writer: CodeBlockWriter, value: { readonly [key: string]: PlainValue }, override: Readonly<Record<string, WriterFunction>>): void {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const multiline = Object.keys(override).length > 0 || !entries.every(([, v]) => isFlat(v));
  if (entries.length === 0) {
    writer.write('{}');
    return;
  }
  writer.write(multiline ? '{' : '{ ');
  entries.forEach(([key, item], i) => {
    if (multiline) writer.newLine();
    else writer.conditionalWrite(i > 0, ', ');
    writer.write(IDENTIFIER.test(key) ? key : JSON.stringify(key)).write(': ');
    const custom = override[key];
    if (custom) custom(writer);
    else writeValue(writer, item);
    if (multiline) writer.write(',');
  });
  writer.write(multiline ? '' : ' ');
  if (multiline) writer.newLine();
  writer.write('}');
}
