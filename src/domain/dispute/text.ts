// Free text from people: bounded, and free of control characters that would corrupt a
// case file or a terminal. Line breaks and tabs are fine.
import { type Rejection, rejection } from '../rejections.ts';

export const NOTE_CHARS_MAX = 2_000;
export const MESSAGE_CHARS_MAX = 4_000;
export const SHORT_CHARS_MAX = 200;

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function checkText(
  field: string,
  value: string,
  limits: { readonly maxChars: number; readonly required: boolean },
): Rejection | undefined {
  if (limits.required && value.trim().length === 0) {
    return rejection('input.invalid', `${field} must not be empty`, { field });
  }
  if (value.length > limits.maxChars) {
    return rejection('input.invalid', `${field} is longer than ${limits.maxChars} characters`, {
      field,
      maxChars: limits.maxChars,
    });
  }
  if (CONTROL.test(value)) {
    return rejection('input.invalid', `${field} contains control characters`, { field });
  }
  return undefined;
}

export function firstRejection(
  ...checks: readonly (Rejection | undefined)[]
): Rejection | undefined {
  return checks.find((c) => c !== undefined);
}
