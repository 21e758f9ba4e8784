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
 *
 * pdf.js also writes globals: on Node 20 `navigator`, `self`, `Iterator` (core-js), `DOMMatrix`,
 * `ImageData`, `Path2D` (from @napi-rs/canvas), `pdfjsLib`, `pdfjsWorker`, `_pdfjsTestingUtils`,
 * `__core-js_shared__`, and it turns Node's lazy getters for `AbortController`, `DOMException`,
 * `TextDecoder`… into plain values. A library must not leave those in its caller (`navigator` and
 * `self` tell other code it runs in a browser), so they are learnt the same way, present only while a
 * PDF is being parsed in this process (`enterPdfGlobals`/`leavePdfGlobals`, counted, so concurrent
 * parses keep them until the last one ends) and taken out again after. Only what still holds pdf.js's
 * value is taken out or put back; a global the caller set meanwhile stays.
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

/** Every own property of `globalThis`, names and symbols, by key. */
function globalDescriptors(): Map<PropertyKey, PropertyDescriptor> {
  const out = new Map<PropertyKey, PropertyDescriptor>();
  for (const key of Reflect.ownKeys(globalThis)) out.set(key, Object.getOwnPropertyDescriptor(globalThis, key)!);
  return out;
}

function sameDescriptor(a: PropertyDescriptor | undefined, b: PropertyDescriptor | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    Object.is(a.value, b.value) &&
    a.get === b.get &&
    a.set === b.set &&
    a.writable === b.writable &&
    a.enumerable === b.enumerable &&
    a.configurable === b.configurable
  );
}

let pristineGlobals: Map<PropertyKey, PropertyDescriptor> | null = null;
/** Globals pdf.js added, as it left them. */
const addedGlobals = new Map<PropertyKey, PropertyDescriptor>();
/** Globals pdf.js redefined: the caller's descriptor and pdf.js's. */
const replacedGlobals = new Map<PropertyKey, { original: PropertyDescriptor; replacement: PropertyDescriptor }>();
/** PDFs being parsed in this process right now. */
let pdfsInFlight = 0;

/** Takes the snapshot of untouched built-ins and globals; call right before pdf.js is first imported. */
export function rememberBuiltins(): void {
  pristine ??= snapshot();
  pristineGlobals ??= globalDescriptors();
}

/** Records the globals pdf.js added or redefined since the snapshot (see `learnReplacements`). */
function learnGlobals(): void {
  if (pristineGlobals === null) return;
  for (const [key, now] of globalDescriptors()) {
    const before = pristineGlobals.get(key);
    if (before === undefined) addedGlobals.set(key, now);
    else if (!sameDescriptor(before, now))
      replacedGlobals.set(key, { original: replacedGlobals.get(key)?.original ?? before, replacement: now });
  }
}

function define(key: PropertyKey, descriptor: PropertyDescriptor): void {
  try {
    Object.defineProperty(globalThis, key, descriptor);
  } catch {
    // A global made non-configurable meanwhile (by the caller) is theirs to keep.
  }
}

/** Puts pdf.js's globals back for a parse (the first of several concurrent ones does it). */
export function enterPdfGlobals(): void {
  if (pdfsInFlight++ > 0) return;
  for (const [key, descriptor] of addedGlobals) if (!Object.hasOwn(globalThis, key)) define(key, descriptor);
}

/** Ends a parse; after the last one, takes pdf.js's globals out again and restores what it redefined. */
export function leavePdfGlobals(): void {
  pdfsInFlight = Math.max(0, pdfsInFlight - 1);
  if (pdfsInFlight > 0) return;
  for (const [key, descriptor] of addedGlobals) {
    if (sameDescriptor(Object.getOwnPropertyDescriptor(globalThis, key), descriptor))
      Reflect.deleteProperty(globalThis, key);
  }
  for (const [key, { original, replacement }] of replacedGlobals) {
    if (sameDescriptor(Object.getOwnPropertyDescriptor(globalThis, key), replacement)) define(key, original);
  }
}

/** Records every built-in and global pdf.js replaced since the snapshot; call after a phase where its modules load. */
export function learnReplacements(): void {
  if (pristine === null) return;
  learnGlobals();
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
    if (now !== undefined && 'value' in now && now.value === r.replacement)
      Object.defineProperty(r.target, r.key, r.original);
  }
}
