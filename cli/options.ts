import { InvalidArgumentError } from 'commander';

/** "3,3,9,3" → [3, 3, 9, 3]; commander reports the error with the option's name. */
export function intList(text: string): number[] {
  const values = text.split(',').map((s) => s.trim());
  if (values.some((v) => !/^\d+$/.test(v))) throw new InvalidArgumentError(`expected integers separated by ",", got "${text}"`);
  return values.map(Number);
}

export function positiveInt(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new InvalidArgumentError(`expected a positive integer, got "${text}"`);
  return Number(text);
}

export function positiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError(`expected a positive number, got "${text}"`);
  return value;
}

/** "4+7" or "4+7,4+7,7,7" → one spec code per listed stage. */
export function specCodeList(text: string): string[] {
  return text.split(',').map((s) => s.trim());
}
