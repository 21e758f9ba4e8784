/**
 * pdf-parse loads pdf.js's legacy build, whose bundled core-js replaces built-ins process-wide when
 * its modules are evaluated: `Array.prototype.push`, `JSON.parse` and `Function.prototype.toString`
 * (and `DOMException`) become JavaScript polyfills, several times slower than the natives. Every
 * caller of the library would pay for it in code that has nothing to do with PDFs, so this module
 * undoes exactly those replacements: it snapshots the built-ins before pdf.js first loads, learns
 * which ones pdf.js replaced (on import, and when its worker module loads on the first document),
 * and puts the originals back after each PDF. Polyfills that only add what Node 20 lacks
 * (`Promise.withResolvers`, `Uint8Array.prototype.toHex`, …) stay: pdf.js calls them.
 *
 * Only a value still identical to pdf.js's own replacement is restored, so a caller's own patch of
 * a built-in is never undone.
 */

const BUILTINS: readonly (readonly [string, object])[] = [
  ['globalThis', globalThis],
  ['Object', Object],
  ['Function.prototype', Function.prototype],
  ['Array', Array],
  ['Array.prototype', Array.prototype],
  ['String', String],
  ['String.prototype', String.prototype],
  ['Number', Number],
  ['Number.prototype', Number.prototype],
  ['JSON', JSON],
  ['Math', Math],
  ['Reflect', Reflect],
  ['Promise', Promise],
  ['Promise.prototype', Promise.prototype],
  ['Map', Map],
  ['Map.prototype', Map.prototype],
  ['Set', Set],
  ['Set.prototype', Set.prototype],
  ['RegExp.prototype', RegExp.prototype],
  ['ArrayBuffer.prototype', ArrayBuffer.prototype],
  ['Uint8Array', Uint8Array],
  ['Uint8Array.prototype', Uint8Array.prototype],
  ['TypedArray.prototype', Object.getPrototypeOf(Uint8Array.prototype) as object],
];

interface Replacement {
  target: object;
  key: PropertyKey;
  original: PropertyDescriptor;
  replacement: unknown;
}

type Snapshot = Map<object, Map<PropertyKey, PropertyDescriptor>>;

function snapshot(): Snapshot {
  const out: Snapshot = new Map();
  for (const [, target] of BUILTINS) {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(target)) {
      const d = Object.getOwnPropertyDescriptor(target, key);
      // Only function-valued data properties: the methods and constructors a polyfill can swap.
      if (d !== undefined && 'value' in d && typeof d.value === 'function') props.set(key, d);
    }
    out.set(target, props);
  }
  return out;
}

let pristine: Snapshot | null = null;
const replacements = new Map<string, Replacement>();

/** Takes the snapshot of untouched built-ins; call right before pdf.js is first imported. */
export function rememberBuiltins(): void {
  pristine ??= snapshot();
}

/** Records every built-in pdf.js replaced since the snapshot; call after a phase where its modules load. */
export function learnReplacements(): void {
  if (pristine === null) return;
  for (const [name, target] of BUILTINS) {
    const before = pristine.get(target)!;
    for (const [key, original] of before) {
      const now = Object.getOwnPropertyDescriptor(target, key);
      if (now === undefined || !('value' in now) || now.value === original.value) continue;
      // pdf.js's worker module brings its own copy of core-js, which may replace a built-in again.
      const id = `${name}.${String(key)}`;
      replacements.set(id, { target, key, original, replacement: now.value });
    }
  }
}

/** Puts back each built-in that still holds pdf.js's replacement. */
export function restoreBuiltins(): void {
  for (const r of replacements.values()) {
    const now = Object.getOwnPropertyDescriptor(r.target, r.key);
    if (now !== undefined && 'value' in now && now.value === r.replacement) Object.defineProperty(r.target, r.key, r.original);
  }
}
